public import EdiagModel
import Foundation

/// A test case that lives with a pack (`tests/*.yaml`): a profile and what its diagnosis must contain.
///
/// ```yaml
/// name: laggard kiln breaks the clinker limits
/// profile: ../../../examples/plants/cement-laggard.yaml   # or an inline profile mapping
/// expect:
///   - {rule: cement.clinker-energy-limit, subject: K1, grade: not_met}
///   - {rule: cement.waste-heat-power, subject: K1, tce: {value: 2396.6, tolerance: 0.1}}
/// outcomes:
///   - {rule: cement.clinker-power-limit, subject: K2, status: insufficient_data}
/// absent:
///   - {rule: equipment.motor-efficiency, subject: M-CONV-3}
/// known_gap: reason   # optional: reported as skipped, never failed
/// ```
public struct PackTestCase: Sendable {
    public var name: String
    public var file: String
    public var profile: ProfileSource
    public var expectations: [FindingExpectation]
    public var outcomes: [OutcomeExpectation]
    public var absent: [FindingExpectation]
    public var knownGap: String?

    public enum ProfileSource: Sendable {
        case file(String)
        case inline(SourceValue)
    }

    /// A finding that must be present (matched on rule and subject), with field checks.
    public struct FindingExpectation: Sendable {
        public var rule: String
        public var subject: String?
        public var texts: [(field: String, value: String)]
        public var numbers: [(field: String, expected: Double, tolerance: Double?)]
        public var location: SourceLocation
    }

    public struct OutcomeExpectation: Sendable {
        public var rule: String
        public var subject: String?
        public var status: String
        public var location: SourceLocation
    }

    static let textFields: Set<String> = ["grade", "severity", "category", "measure", "confidence", "upcoming_grade"]
    static let numberFields: Set<String> = ["tce", "kwh", "yuan", "investment", "payback", "npv", "co2", "value", "gap", "priority"]

    /// Reads a test file.
    /// - Throws: `PackError` with the line of the problem.
    public static func load(path: String) throws(PackError) -> PackTestCase {
        let source: SourceValue
        do { source = try SourceDocument.load(path: path) } catch {
            throw PackError(location: error.location, message: error.message)
        }
        guard case .mapping(let pairs, _) = source else {
            throw PackError(location: source.location, message: "a test case is a mapping with name, profile and expect")
        }
        let known: Set<String> = ["name", "profile", "expect", "outcomes", "absent", "known_gap"]
        for p in pairs where !known.contains(p.key) {
            throw PackError(location: p.keyLocation, message: "unknown test field '\(p.key)'; known: \(known.sorted().joined(separator: ", "))")
        }
        func field(_ key: String) -> SourceValue? { pairs.first { $0.key == key }?.value }
        guard case .scalar(let name, _, _)? = field("name") else {
            throw PackError(location: source.location, message: "a test case needs a 'name'")
        }
        let profile: ProfileSource
        switch field("profile") {
        case .scalar(let relative, _, _)?:
            let base = (path as NSString).deletingLastPathComponent
            profile = .file(relative.hasPrefix("/") ? relative : ((base + "/" + relative) as NSString).standardizingPath)
        case .some(let value) where { if case .mapping = value { return true } else { return false } }():
            profile = .inline(value)
        default:
            throw PackError(location: source.location, message: "a test case needs 'profile': a path or an inline profile")
        }
        var knownGap: String?
        if case .scalar(let g, _, _)? = field("known_gap") { knownGap = g }
        return PackTestCase(
            name: name, file: path, profile: profile,
            expectations: try findingList(field("expect")), outcomes: try outcomeList(field("outcomes")),
            absent: try findingList(field("absent")), knownGap: knownGap)
    }

    /// Reads a list of finding expectations; `defaultRule` fills in `rule` where it is not written
    /// (a rule's own examples).
    static func findingList(_ value: SourceValue?, defaultRule: String? = nil) throws(PackError) -> [FindingExpectation] {
        guard let value else { return [] }
        guard case .sequence(let items, _) = value else { throw PackError(location: value.location, message: "expected a list") }
        var out: [FindingExpectation] = []
        for item in items {
            guard case .mapping(let pairs, let location) = item else {
                throw PackError(location: item.location, message: "an expectation is a mapping with 'rule'")
            }
            var rule: String? = defaultRule, subject: String?
            var texts: [(String, String)] = []
            var numbers: [(String, Double, Double?)] = []
            for p in pairs {
                switch (p.key, p.value) {
                case ("rule", .scalar(let r, _, _)): rule = r
                case ("subject", .scalar(let s, _, _)): subject = s
                case (let k, .scalar(let t, _, _)) where textFields.contains(k): texts.append((k, t))
                case (let k, .scalar(let t, _, _)) where numberFields.contains(k):
                    guard let n = Double(t) else { throw PackError(location: p.value.location, message: "\(k) must be a number") }
                    numbers.append((k, n, nil))
                case (let k, .mapping(let m, _)) where numberFields.contains(k):
                    let v = m.first { $0.key == "value" }?.value.scalarText.flatMap(Double.init)
                    let t = m.first { $0.key == "tolerance" }?.value.scalarText.flatMap(Double.init)
                    guard let v, let t, t >= 0 else {
                        throw PackError(location: p.value.location, message: "\(k) needs {value: number, tolerance: number ≥ 0}")
                    }
                    numbers.append((k, v, t))
                default:
                    throw PackError(location: p.keyLocation, message: "unknown expectation field '\(p.key)'; known: rule, subject, \((textFields.union(numberFields)).sorted().joined(separator: ", "))")
                }
            }
            guard let rule else { throw PackError(location: location, message: "an expectation needs 'rule'") }
            out.append(FindingExpectation(rule: rule, subject: subject, texts: texts, numbers: numbers, location: location))
        }
        return out
    }

    private static func outcomeList(_ value: SourceValue?) throws(PackError) -> [OutcomeExpectation] {
        guard let value else { return [] }
        guard case .sequence(let items, _) = value else { throw PackError(location: value.location, message: "expected a list") }
        var out: [OutcomeExpectation] = []
        for item in items {
            guard case .mapping(let pairs, let location) = item else { throw PackError(location: item.location, message: "an outcome is a mapping") }
            func text(_ k: String) -> String? { pairs.first { $0.key == k }?.value.scalarText }
            guard let rule = text("rule"), let status = text("status") else {
                throw PackError(location: location, message: "an outcome needs 'rule' and 'status'")
            }
            guard RuleOutcome.Status(rawValue: status) != nil else {
                throw PackError(location: location, message: "unknown status '\(status)' (reported, nothing_to_report, not_applicable, insufficient_data, failed)")
            }
            out.append(OutcomeExpectation(rule: rule, subject: text("subject"), status: status, location: location))
        }
        return out
    }
}
