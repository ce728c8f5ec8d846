public import EdiagModel
import Foundation

/// Metamorphic checks derived from a test case: the same plant, written differently, must give the
/// same findings.
///
/// Three variants of the located profile tree are diagnosed, each before decoding so that the
/// decoder's own conversions are part of what is checked:
/// - **units**: every quantity re-expressed in another unit of the same dimension (kWh → MWh,
///   t → kt, kgce/t → tce/t, kW → MW, …), the number converted to match;
/// - **order**: every list of mappings (process units, equipment, products, …) reversed;
/// - **extension fields**: an `x_` field added to every mapping (extension fields are ignored).
///
/// Findings are compared by rule, subject and category (as multisets, so order does not matter):
/// grades, severities and every number within a relative 1e-6; outcomes by rule, subject and status.
public enum MetamorphicCheck {
    /// A way of rewriting a profile that must not change its diagnosis.
    public enum Variant: String, Sendable, CaseIterable {
        case units, order
        case extensionFields = "extension fields"
    }

    /// The failures of every variant of `document` (empty when they all agree with `original`).
    public static func failures(of document: SourceValue, sourceName: String, original: Diagnosis,
                                runtime: RuleRuntime, location: String) -> [TestFailure] {
        var failures: [TestFailure] = []
        let expected = fingerprint(original)
        for variant in Variant.allCases {
            let rewritten = rewrite(document, variant)
            let profile: PlantProfile
            do { profile = try ProfileDecoder.decode(rewritten, source: sourceName) } catch {
                failures.append(TestFailure(location: location, field: "metamorphic (\(variant.rawValue))",
                                            message: "metamorphic (\(variant.rawValue)): the rewritten profile is invalid: \(error.description)"))
                continue
            }
            let actual = fingerprint(runtime.diagnose(profile))
            failures += compare(expected, actual, variant: variant, location: location)
        }
        return failures
    }

    // MARK: - Rewriting the located tree

    static func rewrite(_ value: SourceValue, _ variant: Variant) -> SourceValue {
        switch value {
        case .null: return value
        case .scalar(let text, let quoted, let location):
            guard variant == .units, let converted = reexpressed(text) else { return value }
            return .scalar(converted, isQuoted: quoted, location)
        case .sequence(let items, let location):
            let rewritten = items.map { rewrite($0, variant) }
            let allMappings = !items.isEmpty && items.allSatisfy { if case .mapping = $0 { return true } else { return false } }
            return .sequence(variant == .order && allMappings ? rewritten.reversed() : rewritten, location)
        case .mapping(let pairs, let location):
            var rewritten = pairs.map { (key: $0.key, keyLocation: $0.keyLocation, value: rewrite($0.value, variant)) }
            if variant == .extensionFields, !pairs.contains(where: { $0.key == "x_metamorphic" }) {
                rewritten.append((key: "x_metamorphic", keyLocation: location,
                                  value: .scalar("added by ediag test: must be ignored", isQuoted: true, location)))
            }
            return .mapping(rewritten, location)
        }
    }

    /// Another unit for the leading unit symbol of a quantity unit, same dimension.
    static let alternatives: [String: String] = [
        "kWh": "MWh", "MWh": "kWh", "GWh": "MWh", "TWh": "GWh",
        "t": "kt", "kt": "t", "Mt": "kt", "kg": "t", "g": "kg", "万t": "t",
        "kgce": "tce", "tce": "kgce", "gce": "kgce", "万tce": "tce",
        "kW": "MW", "MW": "kW", "kVA": "MVA", "MVA": "kVA",
        "GJ": "MJ", "MJ": "GJ", "kJ": "MJ",
        "yuan": "万元", "万元": "yuan",
        "kPa": "Pa", "MPa": "kPa",
        "m3": "L", "Nm3": "m3",
    ]

    /// `"45 GWh"` → `"45000 MWh"`; nil when the text is not `number unit` or has no alternative.
    static func reexpressed(_ text: String) -> String? {
        guard let space = text.firstIndex(of: " "), let value = Double(text[..<space]), value.isFinite else { return nil }
        let unitText = String(text[text.index(after: space)...])
        // The leading symbol: letters (and CJK) up to the first operator or digit-free boundary.
        let symbolEnd = unitText.firstIndex { $0 == "/" || $0 == "·" || $0 == "*" || $0 == " " || $0 == "(" || $0 == "^" } ?? unitText.endIndex
        let symbol = String(unitText[..<symbolEnd])
        guard let replacement = alternatives[symbol] else { return nil }
        let newUnitText = replacement + unitText[symbolEnd...]
        guard let from = try? Unit(unitText), let to = try? Unit(newUnitText), from.dimension == to.dimension,
              let converted = try? from.convert(value, to: to), converted.isFinite else { return nil }
        // 15 significant digits: exact enough (the decoder keeps 12) without binary noise in the text.
        return NumberFormat.plain(NumberFormat.significant(converted, digits: 15)) + " " + newUnitText
    }

    // MARK: - Comparing diagnoses

    struct FindingPrint: Equatable {
        var texts: [String: String]
        var numbers: [String: Double]
        var message: String
    }

    struct Fingerprint {
        var findings: [String: [FindingPrint]]
        var outcomes: [String]
    }

    static func fingerprint(_ diagnosis: Diagnosis) -> Fingerprint {
        var findings: [String: [FindingPrint]] = [:]
        for f in diagnosis.findings {
            var texts: [String: String] = [:], numbers: [String: Double] = [:]
            for field in PackTestCase.textFields.sorted() { if let t = PackTestRunner.text(field, of: f) { texts[field] = t } }
            for field in PackTestCase.numberFields.sorted() where field != "priority" {
                if let n = PackTestRunner.number(field, of: f) { numbers[field] = n }
            }
            findings["\(f.ruleID) \(f.subject) (\(f.category.rawValue))", default: []]
                .append(FindingPrint(texts: texts, numbers: numbers, message: f.message.en))
        }
        for key in findings.keys { findings[key]!.sort { $0.message < $1.message } }
        let outcomes = diagnosis.outcomes.map { "\($0.ruleID) \($0.subject ?? "-") \($0.status.rawValue)" }.sorted()
        return Fingerprint(findings: findings, outcomes: outcomes)
    }

    static func compare(_ expected: Fingerprint, _ actual: Fingerprint, variant: Variant, location: String) -> [TestFailure] {
        var failures: [TestFailure] = []
        let label = "metamorphic (\(variant.rawValue))"
        for key in Set(expected.findings.keys).union(actual.findings.keys).sorted() {
            let a = expected.findings[key] ?? [], b = actual.findings[key] ?? []
            guard a.count == b.count else {
                failures.append(TestFailure(location: location, field: label, expected: "\(a.count) finding(s) \(key)",
                                            actual: "\(b.count)", message: "\(label): \(key): \(a.count) finding(s) become \(b.count)"))
                continue
            }
            for (x, y) in zip(a, b) {
                for field in Set(x.texts.keys).union(y.texts.keys).sorted() where x.texts[field] != y.texts[field] {
                    failures.append(TestFailure(location: location, field: "\(label) \(field)", expected: x.texts[field] ?? "nothing",
                                                actual: y.texts[field] ?? "nothing", message: "\(label): \(key) \(field) changes"))
                }
                for field in Set(x.numbers.keys).union(y.numbers.keys).sorted() {
                    let u = x.numbers[field], v = y.numbers[field]
                    if let u, let v, abs(u - v) <= max(abs(u) * 1e-6, 1e-9) { continue }
                    failures.append(TestFailure(location: location, field: "\(label) \(field)",
                                                expected: u.map { NumberFormat.plain($0) } ?? "nothing",
                                                actual: v.map { NumberFormat.plain($0) } ?? "nothing", tolerance: "relative 1e-6",
                                                message: "\(label): \(key) \(field) changes"))
                }
            }
        }
        if expected.outcomes != actual.outcomes {
            let lost = Set(expected.outcomes).subtracting(actual.outcomes).sorted()
            let gained = Set(actual.outcomes).subtracting(expected.outcomes).sorted()
            failures.append(TestFailure(location: location, field: "\(label) outcomes", expected: lost.joined(separator: "; "),
                                        actual: gained.joined(separator: "; "), message: "\(label): rule outcomes change"))
        }
        return failures
    }
}
