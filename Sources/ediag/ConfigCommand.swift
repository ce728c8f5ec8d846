import ArgumentParser
import EdiagEngine
import EdiagModel

/// `ediag config show`.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the effective configuration and where each value came from.",
        subcommands: [Show.self, Keys.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print every configuration key with its value and origin (default, file:line, command line) and the hash.",
            discussion: """
                Examples:
                  ediag config show
                  ediag config show --config agency.yaml --set economics.grid_co2_factor=regional
                """)
        @OptionGroup var rules: RuleSourceOptions
        @OptionGroup var configuration: ConfigOptions

        func run() throws {
            let setup = try configuration.prepare(rules)
            print("# configuration file: \(setup.configurationFile ?? "none (built-in defaults)")")
            let width = setup.configuration.entries.map { "\($0.dottedKey) = \($0.value)".count }.max() ?? 0
            for e in setup.configuration.entries {
                let line = "\(e.dottedKey) = \(e.value)"
                print(line + String(repeating: " ", count: max(1, width - line.count + 2)) + "# \(e.origin)")
            }
            print("# plugins: " + setup.packs.map { "\($0.name) \($0.manifest.version)" }.joined(separator: ", "))
            for note in setup.notes { print("# note: \(note)") }
            print("# configuration hash: \(setup.configurationHash)")
        }
    }

    struct Keys: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print every configuration key with its allowed values and default, as a Markdown table (the reference in docs/plugins.md).")

        func run() throws {
            print("| key | allowed | default | meaning |\n|---|---|---|---|")
            for k in ConfigurationSchema.reference {
                let d = k.defaultValue.map { "`\($0)`" } ?? "—"
                print("| `\(k.key)` | \(k.kind.allowed) | \(d) | \(k.doc) |")
            }
        }
    }
}
