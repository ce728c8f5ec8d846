import ArgumentParser
import EdiagEngine
import EdiagModel
import Foundation

/// `ediag plugins list|info|lock`.
struct Plugins: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the plugins found on the search path, or lock their versions and hashes.",
        discussion: """
            The search path is the project's rules/ and plugins/ (or --rules), then each --plugin-path,
            then each folder of EDIAG_PLUGIN_PATH (colon-separated).

            Examples:
              ediag plugins list
              ediag plugins info cement
              ediag plugins lock
            """,
        subcommands: [List.self, Info.self, Lock.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the plugins: name, version, rules, where from, hash.")
        @OptionGroup var rules: RuleSourceOptions

        func run() throws {
            let (packs, errors) = rules.loadPacks()
            let runtime = try RuleRuntime(packs: packs)
            for pack in packs {
                let count = runtime.rules.filter { $0.pack == pack.name }.count
                print("\(pack.name)\t\(pack.manifest.version)\t\(count) rules\t\(pack.directory)\t(\(pack.origin))\t\(pack.contentHash.hash)")
            }
            if !errors.isEmpty { throw ExitCode(1) }
        }
    }

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one plugin: manifest, where it was found, what it provides, its rules and hash.")
        @Argument(help: "Plugin name, e.g. cement.") var name: String
        @OptionGroup var rules: RuleSourceOptions

        func run() throws {
            let (packs, _) = rules.loadPacks(quiet: true)
            guard let pack = packs.first(where: { $0.name == name }) else {
                let hint = Suggest.closest(name, among: packs.map(\.name)).map { " Did you mean \($0)?" } ?? ""
                throw ValidationError("No plugin '\(name)' on the search path.\(hint)")
            }
            let runtime = try RuleRuntime(packs: packs)
            let m = pack.manifest
            print("\(m.name) \(m.version)  (rule API \(m.apiRange))")
            print("  \(m.description.en)\n  \(m.description.zh)")
            print("  folder: \(pack.directory)   found through: \(pack.origin)")
            print("  hash: \(pack.contentHash.hash)   (\(pack.contentHash.files.count) files)")
            if !m.sectors.isEmpty { print("  sectors: \(m.sectors.joined(separator: ", "))") }
            if !m.authors.isEmpty { print("  authors: \(m.authors.joined(separator: ", "))") }
            if let l = m.license { print("  license: \(l)") }
            if !m.dependencies.isEmpty { print("  depends: " + m.dependencies.map { "\($0.name) \($0.range)" }.joined(separator: ", ")) }
            print("  modules: \(pack.modules.keys.sorted().joined(separator: ", "))")
            print("  data tables: \(pack.dataTables.map(\.id).joined(separator: ", "))")
            print("  templates: \(pack.templates.joined(separator: ", "))")
            if let e = m.economics {
                print("  economics\(e.provinces.isEmpty ? "" : " (plants in \(e.provinces.joined(separator: ", ")))"):")
                for (carrier, p) in e.prices.sorted(by: { $0.key < $1.key }) { print("    price of \(carrier): \(NumberFormat.plain(p.value)) — \(p.source)") }
                if let g = e.gridFactor { print("    grid CO2 factor: \(NumberFormat.plain(g.value)) kgCO2/kWh — \(g.source)") }
                if let c = e.carbonPrice { print("    carbon price: \(NumberFormat.plain(c.value)) yuan/tCO2 — \(c.source)") }
                for s in e.subsidies {
                    let cap = s.maxYuan.map { ", at most \(NumberFormat.plain($0)) yuan" } ?? ""
                    print("    subsidy: \(NumberFormat.plain(s.share * 100)) % of the investment\(cap) for \(s.measures.isEmpty ? "every measure" : s.measures.joined(separator: ", ")) — \(s.source)")
                }
            }
            let own = runtime.rules.filter { $0.pack == pack.name }
            print("  rules (\(own.count)):")
            for r in own { print("    \(r.id)\(r.deprecated.map { "  [\($0)]" } ?? "")") }
        }
    }

    struct Lock: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write ediag.lock: every plugin's version and the hash of each of its files.",
            discussion: """
                Later runs compare the plugins with it and refuse to run when one differs, naming the
                files that changed. Commit the lockfile with the configuration.

                Example:
                  ediag plugins lock --output agency/ediag.lock
                """)
        @OptionGroup var rules: RuleSourceOptions
        @Option(name: .shortAndLong, help: "Where to write it (default: ediag.lock in the working folder).")
        var output: String = Lockfile.fileName

        func run() throws {
            let (packs, errors) = rules.loadPacks()
            guard errors.isEmpty else {
                Console.error("error: not locking while plugins are refused; fix the errors above")
                throw ExitCode(1)
            }
            try Console.write(Lockfile(packs: packs).text, to: output)
            print("locked \(packs.count) plugins in \(output)")
        }
    }
}
