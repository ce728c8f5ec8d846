import ArgumentParser
import EdiagEngine
import Foundation

/// `ediag new rule|pack`: scaffolding for rule authors.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a new rule (with a passing test case) or a new pack, ready to edit.",
        subcommands: [NewRule.self, NewPack.self])

    struct NewRule: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rule",
            abstract: "Write <pack>/<name>.lua, a working rule, and <pack>/tests/<name>.yaml, a case that passes.",
            discussion: """
                Example:
                  ediag new rule --pack cement --id cement.kiln-shell-heat-loss
                  ediag test rules/cement --filter kiln-shell-heat-loss
                """)
        @Option(help: "The pack (plugin) name or folder.") var pack: String
        @Option(help: "The rule id, starting with the pack name, e.g. cement.kiln-shell-heat-loss.") var id: String
        @OptionGroup var rules: RuleSourceOptions

        func run() throws {
            let (packs, _) = rules.loadPacks(quiet: true)
            guard let target = packs.first(where: { $0.name == pack || $0.directory == pack || ($0.directory as NSString).standardizingPath == (pack as NSString).standardizingPath }) else {
                throw ValidationError("No pack '\(pack)'. Packs found: \(packs.map(\.name).joined(separator: ", ")). Create one with 'ediag new pack NAME'.")
            }
            do {
                let files = try Scaffold.rule(id: id, packDirectory: target.directory, packName: target.name,
                                              sector: target.manifest.sectors.first ?? target.name)
                for file in files { print("wrote \(file)") }
                print("next: ediag test \(target.directory) --filter \(id)")
            } catch {
                throw ValidationError(error.description)
            }
        }
    }

    struct NewPack: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pack",
            abstract: "Write a new pack folder with its plugin.yaml manifest.",
            discussion: """
                Example:
                  ediag new pack glass
                  ediag new rule --pack glass --id glass.furnace-energy
                """)
        @Argument(help: "The pack name: one lower-case word, e.g. glass.") var name: String
        @Option(help: "The folder to create it in.") var dir: String = "rules"
        @Option(help: "The sector its rules cover (default: the pack name).") var sector: String?

        func run() throws {
            do {
                for file in try Scaffold.pack(name: name, parent: dir, sector: sector) { print("wrote \(file)") }
                print("next: ediag new rule --pack \(name) --id \(name).my-check")
            } catch {
                throw ValidationError(error.description)
            }
        }
    }
}
