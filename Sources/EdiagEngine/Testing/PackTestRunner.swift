public import EdiagModel
import Foundation

/// Runs pack test cases against a rule runtime.
///
/// A case's profile is read as a located source tree, decoded and diagnosed; the diagnosis is then
/// checked against the case's expectations, field by field. Unless switched off, the same profile is
/// also diagnosed in metamorphic variants (other units, reordered lists, extension fields), each of
/// which must give the same findings.
public struct PackTestRunner {
    public let runtime: RuleRuntime
    /// Run the metamorphic variants of every case that passes.
    public var metamorphic: Bool

    public init(runtime: RuleRuntime, metamorphic: Bool = true) {
        self.runtime = runtime
        self.metamorphic = metamorphic
    }

    /// Finds `tests/*.yaml` in each pack folder, sorted.
    public static func caseFiles(in packs: [RulePack]) -> [String] {
        let fm = FileManager.default
        var files: [String] = []
        for pack in packs {
            let dir = pack.directory + "/tests"
            for entry in ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).sorted()
            where entry.hasSuffix(".yaml") || entry.hasSuffix(".yml") {
                files.append(dir + "/" + entry)
            }
        }
        return files
    }

    /// Runs one case file.
    public func run(file: String, pack: String = "") -> PackTestResult {
        let testCase: PackTestCase
        do { testCase = try PackTestCase.load(path: file) } catch {
            return PackTestResult(name: file, file: file, pack: pack, status: .failed,
                                  failures: [TestFailure(location: error.location.description, message: "cannot read the test: \(error.message)")])
        }
        return run(testCase, pack: pack)
    }

    /// Runs one case (read from a file or built from a rule's example).
    public func run(_ testCase: PackTestCase, kind: PackTestResult.Kind = .testCase, pack: String = "") -> PackTestResult {
        let document: SourceValue
        let sourceName: String
        do throws(DocumentError) {
            switch testCase.profile {
            case .file(let path):
                document = try SourceDocument.load(path: path)
                sourceName = path
            case .inline(let value):
                document = value
                sourceName = testCase.file + "#profile"
            }
        } catch {
            return result(testCase, kind: kind, pack: pack, failures: [TestFailure(location: error.location.description, message: "cannot read the profile: \(error.message)")])
        }
        let profile: PlantProfile
        do { profile = try ProfileDecoder.decode(document, source: sourceName) } catch {
            return result(testCase, kind: kind, pack: pack, failures: [TestFailure(location: testCase.file, message: "the profile is invalid:\n" + error.description)])
        }
        let diagnosis = runtime.diagnose(profile)
        var failures = Self.check(testCase, against: diagnosis)
        if failures.isEmpty, metamorphic, testCase.knownGap == nil {
            failures += MetamorphicCheck.failures(of: document, sourceName: sourceName, original: diagnosis,
                                                  runtime: runtime, location: testCase.file)
        }
        return result(testCase, kind: kind, pack: pack, failures: failures)
    }

    /// Compares a diagnosis with what the case expects; an empty list means the case passes.
    public static func check(_ testCase: PackTestCase, against diagnosis: Diagnosis) -> [TestFailure] {
        var failures: [TestFailure] = []
        func about(_ rule: String, _ subject: String?) -> String { "\(rule)\(subject.map { " for \($0)" } ?? "")" }
        for e in testCase.expectations {
            let candidates = diagnosis.findings.filter { $0.ruleID == e.rule && (e.subject == nil || $0.subject == e.subject) }
            guard let finding = candidates.first else {
                let got = diagnosis.outcomes.filter { $0.ruleID == e.rule }
                    .map { "\($0.status.rawValue)\($0.subject.map { " (\($0))" } ?? "")\($0.detail.isEmpty ? "" : ": \($0.detail)")" }
                failures.append(TestFailure(
                    location: e.location.description, rule: e.rule, subject: e.subject, expected: "a finding",
                    actual: got.isEmpty ? "nothing (the rule did not run: is it loaded?)" : got.joined(separator: "; "),
                    message: "expected a finding of \(about(e.rule, e.subject)); none found"))
                continue
            }
            for (field, expected) in e.texts {
                let actual = text(field, of: finding)
                if actual != expected {
                    failures.append(TestFailure(
                        location: e.location.description, rule: e.rule, subject: finding.subject, field: field,
                        expected: expected, actual: actual ?? "nothing",
                        message: "\(field): expected \(expected), got \(actual ?? "nothing")"))
                }
            }
            for (field, expected, tolerance) in e.numbers {
                let allowed = tolerance ?? max(abs(expected) * 1e-6, 1e-9)
                let toleranceText = tolerance.map { NumberFormat.plain($0) } ?? "\(NumberFormat.plain(NumberFormat.significant(allowed, digits: 3))) (default: relative 1e-6)"
                guard let actual = number(field, of: finding) else {
                    failures.append(TestFailure(
                        location: e.location.description, rule: e.rule, subject: finding.subject, field: field,
                        expected: NumberFormat.plain(expected), actual: "nothing", tolerance: toleranceText,
                        message: "\(field): expected \(NumberFormat.plain(expected)), got nothing"))
                    continue
                }
                if abs(actual - expected) > allowed {
                    let shown = NumberFormat.plain(NumberFormat.significant(actual, digits: 10))
                    let off = NumberFormat.plain(NumberFormat.significant(actual - expected, digits: 4))
                    failures.append(TestFailure(
                        location: e.location.description, rule: e.rule, subject: finding.subject, field: field,
                        expected: NumberFormat.plain(expected), actual: shown, tolerance: toleranceText,
                        message: "\(field): expected \(NumberFormat.plain(expected)) ± \(toleranceText), got \(shown) (off by \(off))"))
                }
            }
        }
        for o in testCase.outcomes {
            let found = diagnosis.outcomes.contains { $0.ruleID == o.rule && $0.status.rawValue == o.status && (o.subject == nil || $0.subject == o.subject) }
            if !found {
                let got = diagnosis.outcomes.filter { $0.ruleID == o.rule && (o.subject == nil || $0.subject == nil || $0.subject == o.subject) }
                    .map { "\($0.status.rawValue)\($0.subject.map { " (\($0))" } ?? "")" }
                failures.append(TestFailure(
                    location: o.location.description, rule: o.rule, subject: o.subject, field: "status",
                    expected: o.status, actual: got.isEmpty ? "nothing" : got.joined(separator: ", "),
                    message: "expected \(about(o.rule, o.subject)) to be \(o.status)"))
            }
        }
        for a in testCase.absent {
            if let f = diagnosis.findings.first(where: { $0.ruleID == a.rule && (a.subject == nil || $0.subject == a.subject) }) {
                failures.append(TestFailure(
                    location: a.location.description, rule: a.rule, subject: f.subject, expected: "no finding",
                    actual: f.message.en, message: "expected no finding of \(about(a.rule, a.subject))"))
            }
        }
        for o in diagnosis.outcomes where o.status == .failed {
            failures.append(TestFailure(location: testCase.file, rule: o.ruleID, message: "the rule failed: \(o.detail)"))
        }
        return failures
    }

    private func result(_ t: PackTestCase, kind: PackTestResult.Kind, pack: String, failures: [TestFailure]) -> PackTestResult {
        if let gap = t.knownGap {
            return PackTestResult(name: t.name, file: t.file, kind: kind, pack: pack, status: .skipped, failures: failures,
                                  reason: "known gap: \(gap)\(failures.isEmpty ? " (now passes: remove known_gap)" : "")")
        }
        return PackTestResult(name: t.name, file: t.file, kind: kind, pack: pack, status: failures.isEmpty ? .passed : .failed, failures: failures)
    }

    static func text(_ field: String, of f: Finding) -> String? {
        switch field {
        case "grade": return f.compliance?.grade.rawValue
        case "upcoming_grade": return f.compliance?.upcoming?.grade.rawValue
        case "severity": return f.severity.rawValue
        case "category": return f.category.rawValue
        case "measure": return f.economics?.measure
        case "confidence": return f.economics?.confidence
        default: return nil
        }
    }

    static func number(_ field: String, of f: Finding) -> Double? {
        switch field {
        case "tce": return f.economics?.tcePerYear
        case "kwh": return f.economics?.savings.first { $0.carrier == "electricity" }?.amount
        case "yuan": return f.economics?.yuanPerYear
        case "investment": return f.economics?.investmentYuan
        case "payback": return f.economics?.simplePaybackYears
        case "npv": return f.economics?.npvYuan
        case "co2": return f.economics?.co2TonnesPerYear
        case "value": return f.compliance?.value
        case "gap": return f.compliance?.gapToBenchmarkTce
        case "priority": return Double(f.priority)
        default: return nil
        }
    }
}
