import ArgumentParser
import EdiagEngine
import EdiagModel
import EdiagReport
import Foundation

/// `ediag explain RULE-ID PROFILE`: why a rule fired or did not.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain one rule's decision on one plant: applicability, values read, thresholds, formulas, cost.",
        discussion: """
            Runs only that rule, with every profile value it reads recorded, each
            ctx:compliance comparison (the limit table's grades and the thresholds after
            the rule's corrections), each ctx:recommend call with the host's valuation,
            what it printed, and what it cost (time, Lua instructions, peak memory).
            'ediag diagnose --stats' gives the cost of every rule.

            Examples:
              ediag explain cement.clinker-energy-limit examples/plants/cement-laggard.yaml
              ediag explain cement.waste-heat-power plant.yaml
            """)

    @Argument(help: "Rule id, e.g. cement.clinker-energy-limit.") var ruleID: String
    @Argument(help: "Plant profile (YAML or JSON).") var profile: String
    @OptionGroup var rules: RuleSourceOptions

    func run() throws {
        let (packs, _) = rules.loadPacks(quiet: true)
        var options = RuntimeOptions()
        options.trace = true
        options.collectCosts = true
        let runtime = try RuleRuntime(packs: packs, options: options)
        guard runtime.rules.contains(where: { $0.id == ruleID }) else {
            let hint = Suggest.closest(ruleID, among: runtime.rules.map(\.id)).map { " Did you mean \($0)?" } ?? ""
            throw ValidationError("No rule '\(ruleID)'.\(hint)")
        }
        let plant: PlantProfile
        do { plant = try ProfileDecoder.load(path: profile) } catch {
            Console.error(error.description)
            throw ExitCode(1)
        }
        guard let explanation = runtime.explain(rule: ruleID, profile: plant) else { throw ExitCode(1) }
        print(ExplanationText.text(explanation, plant: profile), terminator: "")
    }
}
