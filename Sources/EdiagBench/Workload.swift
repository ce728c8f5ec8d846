public import EdiagEngine
public import EdiagModel
import Foundation

/// A generated set of plant profiles on disk, and the same plants and packs written for the
/// plain-Lua baseline.
public enum Workload {
    /// Writes `count` generated plants to `directory` as `plant-000000.json` (and `.yaml` when asked).
    /// - Returns: the JSON paths, in order, and how many plants fell back to their template.
    public static func generate(count: Int, seed: UInt64, templates: [String], directory: String,
                                yaml: Bool = false) throws -> (paths: [String], fallbacks: Int) {
        var generator = try PlantGenerator(templatePaths: templates)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var paths: [String] = []
        for index in 0..<count {
            let document = generator.plant(index: index, seed: seed)
            let stem = directory + "/" + String(format: "plant-%06d", index)
            try ProfileText.json(document).write(toFile: stem + ".json", atomically: true, encoding: .utf8)
            if yaml { try ProfileText.yaml(document).write(toFile: stem + ".yaml", atomically: true, encoding: .utf8) }
            paths.append(stem + ".json")
        }
        return (paths, generator.fallbacks)
    }

    /// The baseline's input: packs (rule files, modules, data tables of each pack and the packs it
    /// depends on), carriers and the validated plants, as one Lua chunk that returns a table.
    public static func baselineChunk(packs: [RulePack], plants: [PlantProfile], economics: EconomicSettings) -> String {
        var out = "return {\ncarriers = {\n"
        for carrier in EnergyCarrier.all {
            let kgce = carrier.unit == "kWh" ? economics.electricityKgcePerKWh : carrier.kgcePerUnit
            out += "[\(LuaLiteral.string(carrier.id))] = {id = \(LuaLiteral.string(carrier.id)), unit = \(LuaLiteral.string(carrier.unit)), "
                + "kgce_per_unit = \(LuaLiteral.number(kgce)), kgco2_per_unit = \(LuaLiteral.number(carrier.kgCO2PerUnit)), "
                + "name_en = \(LuaLiteral.string(carrier.nameEn)), name_zh = \(LuaLiteral.string(carrier.nameZh))},\n"
        }
        out += "},\npacks = {\n"
        let byName = Dictionary(packs.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for pack in packs {
            let visible = [pack] + pack.manifest.dependencies.compactMap { byName[$0.name] }
            out += "{name = \(LuaLiteral.string(pack.name)),\nrule_files = {"
            for file in pack.ruleFiles { out += LuaLiteral.string(absolute(file.path)) + ", " }
            out += "},\nmodules = {"
            for p in visible.reversed() {
                for (name, file) in p.modules.sorted(by: { $0.key < $1.key }) {
                    out += "[\(LuaLiteral.string(name))] = \(LuaLiteral.string(absolute(file.path))), "
                }
            }
            out += "},\ndata = {\n"
            for p in visible.reversed() {
                for table in p.dataTables {
                    out += "[\(LuaLiteral.string(table.id))] = \(LuaLiteral.data(table.value)),\n"
                }
            }
            out += "}},\n"
        }
        out += "},\nplants = {\n"
        for plant in plants {
            out += "{date = \(LuaLiteral.string(plant.assessmentDate)), root = \(LuaLiteral.profile(.object(plant.root)))},\n"
        }
        return out + "},\n}\n"
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
