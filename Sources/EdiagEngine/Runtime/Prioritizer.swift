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

    /// The findings in priority order, numbered from 1. The sort keys are worked out once per
    /// finding and the indices are sorted (the comparisons are those of sorting the findings
    /// themselves, so the order is the same); findings are copied once, into their places.
    public func order(_ findings: [Finding]) -> [Finding] {
        let keys = findings.map { (tier: tier($0), severity: $0.severity, key: key($0)) }
        let sorted = findings.indices.sorted { i, j in
            let a = keys[i], b = keys[j]
            if a.tier != b.tier { return a.tier < b.tier }
            if a.severity != b.severity { return a.severity < b.severity }
            if a.key != b.key { return a.key < b.key }
            if findings[i].ruleID != findings[j].ruleID { return findings[i].ruleID < findings[j].ruleID }
            if findings[i].subject != findings[j].subject { return findings[i].subject < findings[j].subject }
            return findings[i].message.en < findings[j].message.en
        }
        return sorted.enumerated().map { position, i in
            var copy = findings[i]
            copy.priority = position + 1
            return copy
        }
    }
}
