public import EdiagModel

/// A declared parameter of a rule: default, unit and bounds (overridable in configuration).
public struct RuleParameter: Sendable, Equatable {
    public var name: String
    public var defaultValue: Double
    public var unit: String
    public var min: Double?
    public var max: Double?
    public var doc: String
    public var source: String?
}

/// A rule's deprecation: `deprecated = { since = "1.2.0", replaced_by = "cement.new-rule" }`.
public struct Deprecation: Sendable, Equatable, CustomStringConvertible {
    /// The plugin version that deprecated it.
    public var since: String
    /// The rule to use instead, if any.
    public var replacedBy: String?

    public init(since: String, replacedBy: String?) {
        self.since = since
        self.replacedBy = replacedBy
    }

    public var description: String {
        "deprecated since \(since)" + (replacedBy.map { ", replaced by \($0)" } ?? "")
    }
}

/// What a rule declares about itself in its `rule { … }` table.
public struct RuleMetadata: Sendable, Equatable {
    public var id: String
    public var title: LocalizedText
    public var sector: String
    public var category: FindingCategory
    public var severity: Severity
    public var references: [Reference]
    public var parameters: [RuleParameter]
    /// What it checks and how, for `docs/rules/` (free text).
    public var summary: String
    public var formula: String
    /// The measure key for saving measures (e.g. `waste-heat-power`).
    public var measure: String?
    /// Set when the rule is deprecated: since which version, and what replaces it.
    public var deprecated: Deprecation?
    /// Where the rule was declared (`file:line`).
    public var location: String
    /// The plugin it belongs to.
    public var pack: String
}

/// The categories a rule may declare.
extension FindingCategory {
    /// The severity a rule's findings get when it does not say.
    public var defaultSeverity: Severity {
        switch self {
        case .compliance: return .critical
        case .outdatedEquipment: return .critical
        case .savingMeasure: return .warning
        case .benchmark, .dataQuality: return .info
        }
    }
}
