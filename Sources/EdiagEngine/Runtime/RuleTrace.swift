public import EdiagModel

/// One step of a rule's decision, recorded when `RuntimeOptions.trace` is on (`ediag explain`).
public enum TraceEvent: Sendable {
    /// The rule's `applies` test and its reason.
    case applicability(applies: Bool, reason: String?)
    /// A profile value the rule read (the path as the host built it, the value as text).
    case read(path: String, value: String)
    /// A `ctx:compliance` comparison: the table row's grades, the thresholds used after the rule's
    /// corrections, and the grade.
    case compliance(subject: String, value: Double, unit: String, standard: String, tableThresholds: [Double?],
                    thresholds: [Double?], better: String, grade: String, upcoming: String?)
    /// A `ctx:recommend` call: what the rule passed and the host's valuation.
    case valuation(subject: String, savings: [(carrier: String, amount: Double)], investment: Double, lifetime: Double,
                   omCost: Double, economics: MeasureEconomics)
}

/// Why one rule decided what it did on one plant, and what it cost.
public struct RuleExplanation: Sendable {
    public var rule: RuleMetadata
    /// The parameter values the rule ran with (defaults, or the configured values), by name.
    public var parameters: [(name: String, value: Double, unit: String)]
    /// In the order they happened.
    public var events: [TraceEvent]
    public var findings: [Finding]
    public var outcomes: [RuleOutcome]
    public var cost: RuleCost?
    /// What the rule printed.
    public var printed: [String]
}
