public import EdiagModel
import Foundation

/// An example a rule carries in its metadata: a profile (or a patch of a base profile) and what the
/// rule must do with it. Examples are documentation (`docs/rules/`) and tests (`ediag test`) at once.
///
/// ```lua
/// examples = {
///   { name = "laggard line", profile = "../../examples/plants/cement-laggard.yaml", expect = "fires",
///     findings = { { subject = "K1", tce = { value = 2396.6, tolerance = 0.1 } } } },
///   { name = "already installed", profile = "../../examples/plants/cement-laggard.yaml",
///     patch = { process_units = { K1 = { waste_heat_power = true } } },
///     expect = "not_applicable", subject = "K1" },
/// }
/// ```
///
/// `profile` is relative to the rule file's folder. `patch` merges into the base profile before it is
/// decoded: mappings key by key, lists of items by their `id` (an unknown id adds an item); `remove`
/// lists field paths to delete, items named by id (`process_units.K1.clinker_output`).
public struct RuleExample: Sendable {
    /// What the rule must do with the example's profile.
    public enum Expectation: String, Sendable, CaseIterable {
        /// At least one finding (and each listed finding, field by field).
        case fires
        /// No finding, and no failure.
        case silent
        /// The rule (or the subject) is not applicable.
        case notApplicable = "not_applicable"
        /// The rule (or the subject) lacks data.
        case insufficientData = "insufficient_data"
    }

    public var rule: String
    public var name: String
    /// The base profile, resolved against the rule file's folder.
    public var profile: String
    public var patch: SourceValue?
    public var remove: [String]
    public var expect: Expectation
    public var subject: String?
    public var findings: [PackTestCase.FindingExpectation]
    /// Where the example is written (`file:line`).
    public var location: SourceLocation

    /// The example as a test case for the runner.
    /// - Throws: `PackError` when the base profile cannot be read or the patch does not fit it.
    public func testCase() throws(PackError) -> PackTestCase {
        var document: SourceValue
        do { document = try SourceDocument.load(path: profile) } catch {
            throw PackError(location: location, message: "example '\(name)': cannot read its profile: \(error)", ruleID: rule)
        }
        if let patch { document = try ProfilePatch.merge(patch, into: document, location: location) }
        for path in remove { document = try ProfilePatch.remove(path, from: document, location: location) }
        let absent = PackTestCase.FindingExpectation(rule: rule, subject: subject, texts: [], numbers: [], location: location)
        var testCase = PackTestCase(name: "\(rule) example: \(name)", file: location.description, profile: .inline(document),
                                    expectations: [], outcomes: [], absent: [], knownGap: nil)
        switch expect {
        case .fires:
            testCase.expectations = findings.isEmpty ? [absent] : findings
        case .silent:
            testCase.absent = [absent]
        case .notApplicable, .insufficientData:
            testCase.outcomes = [PackTestCase.OutcomeExpectation(rule: rule, subject: subject, status: expect.rawValue, location: location)]
            if expect == .notApplicable { testCase.absent = [absent] }
        }
        return testCase
    }
}

/// Merges a patch into a located profile tree (see `RuleExample`).
enum ProfilePatch {
    static func merge(_ patch: SourceValue, into base: SourceValue, location: SourceLocation) throws(PackError) -> SourceValue {
        switch (patch, base) {
        case (.mapping(let changes, _), .mapping(var pairs, let at)):
            for change in changes {
                if let i = pairs.firstIndex(where: { $0.key == change.key }) {
                    pairs[i].value = try merge(change.value, into: pairs[i].value, location: location)
                } else {
                    pairs.append(change)
                }
            }
            return .mapping(pairs, at)
        case (.mapping(let changes, _), .sequence(var items, let at)):
            // A list of items patched by id.
            for change in changes {
                if let i = items.firstIndex(where: { id(of: $0) == change.key }) {
                    items[i] = try merge(change.value, into: items[i], location: location)
                } else if case .mapping(let fields, let l) = change.value {
                    items.append(.mapping([(key: "id", keyLocation: l, value: .scalar(change.key, isQuoted: false, l))] + fields, l))
                } else {
                    throw PackError(location: location, message: "patch: a new list item '\(change.key)' must be a table of fields")
                }
            }
            return .sequence(items, at)
        default:
            return patch
        }
    }

    static func remove(_ path: String, from base: SourceValue, location: SourceLocation) throws(PackError) -> SourceValue {
        let parts = path.split(separator: ".").map(String.init)
        guard let head = parts.first else { return base }
        let rest = parts.dropFirst().joined(separator: ".")
        switch base {
        case .mapping(var pairs, let at):
            guard let i = pairs.firstIndex(where: { $0.key == head }) else {
                throw PackError(location: location, message: "remove: the profile has no field '\(head)' (in '\(path)')")
            }
            if rest.isEmpty { pairs.remove(at: i) } else { pairs[i].value = try remove(rest, from: pairs[i].value, location: location) }
            return .mapping(pairs, at)
        case .sequence(var items, let at):
            guard let i = items.firstIndex(where: { id(of: $0) == head }) else {
                throw PackError(location: location, message: "remove: no list item with id '\(head)' (in '\(path)')")
            }
            if rest.isEmpty { items.remove(at: i) } else { items[i] = try remove(rest, from: items[i], location: location) }
            return .sequence(items, at)
        default:
            throw PackError(location: location, message: "remove: '\(head)' is inside a value, not a mapping or list")
        }
    }

    private static func id(of item: SourceValue) -> String? {
        guard case .mapping(let fields, _) = item else { return nil }
        return fields.first { $0.key == "id" }?.value.scalarText
    }
}
