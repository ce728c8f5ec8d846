import ArgumentParser
import EdiagEngine
import EdiagModel
import EdiagReport
import Foundation

/// `ediag rules list|show`.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the rules or show one.",
        subcommands: [List.self, Show.self, Docs.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the rules that load, by id.")
        @OptionGroup var rules: RuleSourceOptions
        @Option(help: "Only rules of this sector.") var sector: String?

        func run() throws {
            let (packs, _) = rules.loadPacks()
            let runtime = try RuleRuntime(packs: packs)
            for e in runtime.loadErrors { Console.error("error: \(e)") }
            for r in runtime.rules where sector == nil || r.sector == sector {
                let note = r.deprecated.map { "\t[\($0)]" } ?? ""
                print("\(r.id)\t\(r.category.rawValue)\t\(r.title.en) / \(r.title.zh)\(note)")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a rule's metadata: references, parameters, where it is.")
        @Argument(help: "Rule id, e.g. cement.clinker-energy-limit.") var id: String
        @OptionGroup var rules: RuleSourceOptions

        func run() throws {
            let (packs, _) = rules.loadPacks(quiet: true)
            let runtime = try RuleRuntime(packs: packs)
            guard let r = runtime.rules.first(where: { $0.id == id }) else {
                let hint = Suggest.closest(id, among: runtime.rules.map(\.id)).map { " Did you mean \($0)?" } ?? ""
                throw ValidationError("No rule '\(id)'.\(hint)")
            }
            print("\(r.id)  [\(r.category.rawValue), \(r.severity.rawValue)]")
            print("  \(r.title.en)\n  \(r.title.zh)")
            print("  sector: \(r.sector)   plugin: \(r.pack)   declared at: \(r.location)")
            if let m = r.measure { print("  measure: \(m)") }
            if !r.summary.isEmpty { print("  checks: \(r.summary)") }
            if !r.formula.isEmpty { print("  formula: \(r.formula)") }
            if let d = r.deprecated { print("  \(d)") }
            print("  references:")
            for ref in r.references {
                print("    - \(ref.standard)\(ref.clause.map { ", \($0)" } ?? "")\(ref.confidence.map { " (confidence \($0))" } ?? "")")
            }
            if let examples = runtime.examples[r.id], !examples.isEmpty {
                print("  examples (run by ediag test):")
                for e in examples { print("    - \(e.name): \(e.expect.rawValue)\(e.subject.map { " for \($0)" } ?? "") (\(e.location))") }
            }
            if !r.parameters.isEmpty {
                print("  parameters:")
                for p in r.parameters {
                    let bounds = [p.min.map { "≥ \(NumberFormat.plain($0))" }, p.max.map { "≤ \(NumberFormat.plain($0))" }].compactMap { $0 }.joined(separator: ", ")
                    print("    - \(p.name) = \(NumberFormat.plain(p.defaultValue)) \(p.unit)\(bounds.isEmpty ? "" : " (\(bounds))"): \(p.doc)\(p.source.map { " [\($0)]" } ?? "")")
                }
            }
        }
    }

    struct Docs: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write one Markdown page per plugin, generated from rule metadata.",
            discussion: "Example: ediag rules docs --out docs/rules")
        @OptionGroup var rules: RuleSourceOptions
        @Option(help: "Folder to write the pages into.") var out: String = "docs/rules"

        func run() throws {
            let (packs, _) = rules.loadPacks()
            let runtime = try RuleRuntime(packs: packs)
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            for pack in packs.sorted(by: { $0.name < $1.name }) {
                let page = RuleDocs.page(pack: pack, rules: runtime.rules.filter { $0.pack == pack.name }, examples: runtime.examples)
                try Console.write(page, to: out + "/" + pack.name + ".md")
                print("wrote \(out)/\(pack.name).md")
            }
        }
    }
}
