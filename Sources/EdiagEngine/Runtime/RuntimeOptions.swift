public import EdiagModel
public import LuaSandbox

/// How recommended measures are ranked after the mandatory items.
public enum RankingKey: String, Sendable, CaseIterable {
    /// Shortest simple payback first (default).
    case payback
    /// Largest NPV first.
    case npv
    /// Most tce saved first.
    case tce
    /// Lowest cost of conserved energy first.
    case cce
}

/// Settings of a rule runtime; the defaults are safe for untrusted rules.
public struct RuntimeOptions: Sendable {
    /// Limits for each rule on each plant.
    public var limits: LuaLimits = .ruleDefault
    /// Limits for running a rule file's top level when the pack is loaded.
    public var loadLimits = LuaLimits(memoryBytes: 64 << 20, instructions: 100_000_000, seconds: 5)
    public var economics = EconomicSettings()
    public var ranking: RankingKey = .payback
    /// Rule id → parameter name → value, checked against each parameter's bounds.
    public var parameterOverrides: [String: [String: Double]] = [:]
    /// Rules that are not run.
    public var disabledRules: Set<String> = []
    /// Categories that are not run.
    public var disabledCategories: Set<FindingCategory> = []
    /// Measure time, instructions and memory per rule (`--stats`).
    public var collectCosts = false
    /// Time the economics and prioritization phase (`RuleRuntime.lastEconomicsSeconds`), for benchmarks.
    public var measurePhases = false

    public init() {}
}
