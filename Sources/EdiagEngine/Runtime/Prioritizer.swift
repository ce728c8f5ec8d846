public import EdiagModel

/// Orders findings: mandatory-limit violations, then outdated equipment, then measures by the
/// ranking key, then data-quality problems, then informational results. Ties break on rule id,
/// subject and message, so the order never depends on how rules ran.
public struct Prioritizer: Sendable {
    public var ranking: RankingKey

    public init(ranking: RankingKey) { self.ranking = ranking }

    func tier(_ f: Finding) -> Int {
        switch f.category {
        case .compliance: return f.compliance?.grade == .notMet ? 0 : 4
        case .outdatedEquipment: return 1
        case .savingMeasure: return 2
        case .dataQuality: return f.severity == .info ? 4 : 3
        case .benchmark: return 4
        }
    }

    /// Sort key within a tier; smaller first.
    func key(_ f: Finding) -> Double {
        if let c = f.compliance, c.grade == .notMet, let limit = c.thresholds[2], limit != 0 {
            return -abs((c.value - limit) / limit)
        }
        guard let e = f.economics else { return 0 }
        switch ranking {
        case .payback: return e.simplePaybackYears ?? .infinity
        case .npv: return -(e.npvYuan ?? -.infinity)
        case .tce: return -e.tcePerYear
        case .cce: return e.costOfConservedEnergyYuanPerTce ?? .infinity
        }
    }

    /// The findings in priority order, numbered from 1.
    public func order(_ findings: [Finding]) -> [Finding] {
        let sorted = findings.sorted { a, b in
            let ta = tier(a), tb = tier(b)
            if ta != tb { return ta < tb }
            if a.severity != b.severity { return a.severity < b.severity }
            let ka = key(a), kb = key(b)
            if ka != kb { return ka < kb }
            if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
            if a.subject != b.subject { return a.subject < b.subject }
            return a.message.en < b.message.en
        }
        return sorted.enumerated().map { i, f in
            var copy = f
            copy.priority = i + 1
            return copy
        }
    }
}
