import EdiagModel
import Foundation

/// Files `ediag new` writes: a pack with its manifest, or a working rule with a passing test case.
public enum Scaffold {
    /// Why scaffolding refused to write.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// A new plugin folder `<parent>/<name>` with `plugin.yaml` and a `tests/` folder.
    /// - Returns: the files written.
    public static func pack(name: String, parent: String, sector: String?) throws(Refusal) -> [String] {
        guard RuleRuntime.idPattern(name + ".x"), !name.contains(".") else {
            throw Refusal(description: "a pack name is one lower-case word (letters, digits, '-'), e.g. 'glass'; got '\(name)'")
        }
        let directory = parent + "/" + name
        guard !FileManager.default.fileExists(atPath: directory) else {
            throw Refusal(description: "\(directory) already exists; choose another name or edit that pack")
        }
        let manifest = """
            name: \(name)
            version: 0.1.0
            api: ">=\(PackLoader.apiVersion.major).\(PackLoader.apiVersion.minor) <\(PackLoader.apiVersion.major + 1)"
            description:
              zh: \(name) 节能诊断规则包
              en: \(name) energy-saving diagnosis rules
            sectors: [\(sector ?? name)]
            authors: [your name or organisation]
            license: Apache-2.0

            """
        let readme = """
            Test cases for the \(name) pack, run by `ediag test \(directory)`. Add a rule with
            `ediag new rule --pack \(name) --id \(name).my-check`; it writes a case here too.

            """
        return try write([(directory + "/plugin.yaml", manifest), (directory + "/tests/README.md", readme)])
    }

    /// A rule file `<pack>/<name>.lua` and a case `<pack>/tests/<name>.yaml` that passes.
    ///
    /// The rule is a complete, sourced example to edit: it converts the plant's purchased electricity
    /// to coal equivalent with the GB/T 2589-2020 coefficient and reports it, or asks for the data.
    /// - Returns: the files written.
    public static func rule(id: String, packDirectory: String, packName: String, sector: String) throws(Refusal) -> [String] {
        guard RuleRuntime.idPattern(id) else {
            throw Refusal(description: "rule id '\(id)' must be dotted lower-case words, e.g. '\(packName).kiln-shell-heat-loss'")
        }
        guard id.hasPrefix(packName + ".") else {
            throw Refusal(description: "rule id '\(id)' should start with the pack name: '\(packName).…'")
        }
        let stem = String(id.dropFirst(packName.count + 1).map { $0 == "-" || $0 == "." ? "_" : $0 })
        let ruleFile = packDirectory + "/" + stem + ".lua"
        let testFile = packDirectory + "/tests/" + stem + ".yaml"
        // The profile's sector must be one the schema knows; other packs' plants are "other".
        var profileSector = "other"
        if case .choice(let sectors)? = ProfileSchema.objectTypes["plant"]?.field("sector")?.kind, sectors.contains(sector) {
            profileSector = sector
        }
        let rule = """
            -- \(id): written by `ediag new rule`. Edit the metadata, the check and the test in
            -- tests/\(stem).yaml together; `ediag test \(packDirectory)` runs it, `ediag lint` checks it.

            rule {
              id = "\(id)",
              title = { zh = "外购电力折标准煤", en = "Purchased electricity in coal equivalent" },
              sector = "\(sector)",
              category = "benchmark",
              severity = "info",
              summary = "Converts the plant's purchased electricity to tonnes of coal equivalent with the "
                .. "equivalent-value coefficient, so that it can be compared with the other energy carriers.",
              formula = "tce = electricity (kWh) × 0.1229 kgce/kWh / 1000",
              references = {
                { standard = "GB/T 2589-2020", clause = "Appendix A, electricity 0.1229 kgce/kWh (equivalent value)",
                  title = "综合能耗计算通则", confidence = "high" },
              },
              evaluate = function(plant, ctx)
                local electricity = plant.energy and plant.energy.electricity
                if electricity == nil or electricity.consumption == nil then
                  ctx:insufficient_data { needs = { "energy.electricity.consumption" } }
                  return
                end
                local kwh = electricity.consumption
                ctx:finding {
                  message = {
                    en = "Purchased electricity {kwh:0} kWh is {tce:1} tce",
                    zh = "外购电力 {kwh:0} kWh，折合 {tce:1} tce",
                  },
                  values = { kwh = kwh, tce = ediag.tce(kwh, "electricity") },
                  evidence = { { name = "electricity", value = kwh, unit = "kWh", source = "energy.electricity.consumption" } },
                }
              end,
            }

            """
        let test = """
            name: \(id) converts 10 GWh to 1229 tce
            # 10 000 000 kWh × 0.1229 kgce/kWh / 1000 = 1229 tce
            profile:
              plant: {id: NEW-1, name: Example plant, sector: \(profileSector)}
              assessment: {date: 2026-03-15}
              energy:
                electricity: {consumption: 10 GWh, price: 0.6 yuan/kWh}
            expect:
              - {rule: \(id), subject: plant, severity: info, category: benchmark}

            """
        return try write([(ruleFile, rule), (testFile, test)])
    }

    private static func write(_ files: [(path: String, text: String)]) throws(Refusal) -> [String] {
        let fm = FileManager.default
        for file in files where fm.fileExists(atPath: file.path) {
            throw Refusal(description: "\(file.path) already exists; nothing was written")
        }
        for file in files {
            do {
                try fm.createDirectory(atPath: (file.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try file.text.write(toFile: file.path, atomically: true, encoding: .utf8)
            } catch {
                throw Refusal(description: "cannot write \(file.path): \(error.localizedDescription)")
            }
        }
        return files.map(\.path)
    }
}
