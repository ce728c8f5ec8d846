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
    /// Plugin name → limits for its rules, replacing `limits`; never above `LuaLimits.hostMaximum`.
    public var pluginLimits: [String: LuaLimits] = [:]
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
    /// When set, only these rules run (`rules.enable`).
    public var enabledRules: Set<String>?
    /// When set, only rules of these categories run (`categories.enable`).
    public var enabledCategories: Set<FindingCategory>?
    /// Rule id → the severity its findings get instead of the rule's own.
    public var severityOverrides: [String: Severity] = [:]
    /// Measure time, instructions and memory per rule (`--stats`).
    public var collectCosts = false
    /// When set, `RuleRuntime.phaseTimes` accumulates the time of each phase of a diagnosis, read
    /// from this clock (nanoseconds; the benchmark passes a CPU-time clock). Off by default.
    public var phaseClock: (@Sendable () -> UInt64)?
    /// Run each rule first without the instruction hook, watched by a CPU-time timer, and run it
    /// again counted only when it runs long (`LuaState.call(…, fastFirst:)`): the same outcomes,
    /// without the hook's cost on every instruction. Off: every rule is counted from the start.
    /// Measuring costs, tracing and coverage always count.
    public var fastAttempts = true
    /// Record line coverage of rule files and modules (`ediag test --coverage`). Off by default:
    /// the line hook is then never armed.
    public var coverage = false
    /// Record what each rule reads from the profile, the thresholds it compares and the measures it
    /// values (`ediag explain`). Off by default: profile reads then cost nothing extra.
    public var trace = false

    public init() {}

    /// Whether a rule runs under these options.
    public func runs(_ rule: RuleMetadata) -> Bool {
        !disabledRules.contains(rule.id) && !disabledCategories.contains(rule.category)
            && (enabledRules?.contains(rule.id) ?? true) && (enabledCategories?.contains(rule.category) ?? true)
    }

    /// The limits a rule of this plugin runs under: its own when configured, else the common
    /// ones, capped at the host maximum either way.
    public func limits(forPlugin plugin: String) -> LuaLimits {
        (pluginLimits[plugin] ?? limits).capped(by: .hostMaximum)
    }
}
