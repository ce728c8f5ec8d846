public import EdiagEngine
import EdiagModel

/// `ediag explain`: why one rule fired or did not on one plant, step by step.
public enum ExplanationText {
    public static func text(_ e: RuleExplanation, plant: String) -> String {
        var out = "\(e.rule.id) on \(plant)\n  \(e.rule.title.en) / \(e.rule.title.zh)\n  declared at \(e.rule.location)\n"
        let applies = e.events.compactMap { event -> String? in
            if case .applicability(let ok, let reason) = event { return ok ? "applies" : "does not apply: \(reason ?? "the applicability test is false")" }
            return nil
        }
        out += "\napplicability\n  " + (applies.first ?? "no applicability test: the rule always runs and decides per subject") + "\n"
        if !e.parameters.isEmpty {
            out += "\nparameters\n" + e.parameters.map { "  \($0.name) = \(NumberFormat.plain($0.value))\($0.unit == "1" ? "" : " " + $0.unit)\n" }.joined()
        }
        var reads: [(String, String)] = []
        for case .read(let path, let value) in e.events where !reads.contains(where: { $0.0 == path }) { reads.append((path, value)) }
        out += "\nprofile values read (\(reads.count))\n"
        out += reads.isEmpty ? "  none\n" : reads.map { "  \($0.0) = \($0.1)\n" }.joined()
        let comparisons = e.events.compactMap { event -> String? in
            guard case .compliance(let subject, let value, let unit, let standard, let table, let used, let better, let grade, let upcoming) = event else { return nil }
            func grades(_ g: [Double?]) -> String { g.map { $0.map { NumberFormat.plain($0) } ?? "-" }.joined(separator: " / ") }
            var line = "  \(subject): \(NumberFormat.plain(value)) \(unit) against \(standard) grades \(grades(table)) (\(better) is better)"
            if table != used { line += "; thresholds after the rule's corrections \(grades(used))" }
            line += " → \(grade)"
            if let upcoming { line += "; next edition: \(upcoming)" }
            return line + "\n"
        }
        out += "\nthresholds compared (\(comparisons.count))\n" + (comparisons.isEmpty ? "  none\n" : comparisons.joined())
        let valuations = e.events.compactMap { event -> String? in
            guard case .valuation(let subject, let savings, let investment, let lifetime, let om, let x) = event else { return nil }
            var line = "  \(subject): the rule passed savings \(savings.map { "\($0.carrier) \(NumberFormat.plain($0.amount))/a" }.joined(separator: ", "))"
            line += ", investment \(NumberFormat.plain(investment)) yuan, lifetime \(NumberFormat.plain(lifetime)) a, O&M \(NumberFormat.plain(om)) yuan/a\n"
            line += "    host valuation: \(number(x.tcePerYear)) tce/a, \(number(x.co2TonnesPerYear)) tCO2/a, "
            line += "\(x.yuanPerYear.map(number) ?? "-") yuan/a, payback \(x.simplePaybackYears.map(number) ?? "-") a, "
            line += "NPV \(x.npvYuan.map(number) ?? "-") yuan at \(NumberFormat.plain(x.discountRate * 100)) %, IRR \(x.irr.map { number($0 * 100) + " %" } ?? "-"), "
            line += "cost of conserved energy \(x.costOfConservedEnergyYuanPerTce.map(number) ?? "-") yuan/tce (confidence \(x.confidence))\n"
            return line
        }
        out += "\nformula inputs and outputs (\(valuations.count))\n" + (valuations.isEmpty ? "  none\n" : valuations.joined())
        out += "\nresult\n"
        for f in e.findings { out += "  finding [\(f.severity.rawValue)] \(f.subject): \(f.message.en)\n" }
        for o in e.outcomes where o.status != .reported {
            out += "  \(o.status.rawValue)\(o.subject.map { " (\($0))" } ?? "")\(o.detail.isEmpty ? "" : ": \(o.detail)")\n"
        }
        if !e.printed.isEmpty { out += "\nprinted\n" + e.printed.map { "  \($0)\n" }.joined() }
        if let c = e.cost {
            out += "\ncost\n  time \(NumberFormat.grouped(c.seconds * 1000, decimals: 3)) ms, Lua instructions \(NumberFormat.grouped(Double(c.instructions), decimals: 0)), peak Lua heap \(NumberFormat.grouped(Double(c.peakBytes), decimals: 0)) bytes (whole state, profile included)\n"
        }
        return out
    }

    private static func number(_ x: Double) -> String { NumberFormat.grouped(x, decimals: abs(x) >= 100 ? 0 : 2) }
}
