import EdiagModel
import Foundation

/// The result of one pack test case.
public struct PackTestResult: Sendable {
    public enum Status: String, Sendable { case passed, failed, skipped }

    public var name: String
    public var file: String
    public var status: Status
    /// For failures: one line per mismatch, expected and actual side by side.
    public var failures: [String]
    /// For skipped cases: why.
    public var reason: String?
}

/// Runs pack test cases against a rule runtime.
public struct PackTestRunner {
    public let runtime: RuleRuntime

    public init(runtime: RuleRuntime) { self.runtime = runtime }

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
    public func run(file: String) -> PackTestResult {
        let testCase: PackTestCase
        do { testCase = try PackTestCase.load(path: file) } catch {
            return PackTestResult(name: file, file: file, status: .failed, failures: ["cannot read the test: \(error)"], reason: nil)
        }
        return run(testCase)
    }

    public func run(_ testCase: PackTestCase) -> PackTestResult {
        let profile: PlantProfile
        do {
            switch testCase.profile {
            case .file(let path): profile = try ProfileDecoder.load(path: path)
            case .inline(let value): profile = try ProfileDecoder.decode(value, source: testCase.file + "#profile")
            }
        } catch {
            return result(testCase, failures: ["the profile is invalid:\n" + error.description])
        }
        let diagnosis = runtime.diagnose(profile)
        var failures: [String] = []
        for e in testCase.expectations {
            let candidates = diagnosis.findings.filter { $0.ruleID == e.rule && (e.subject == nil || $0.subject == e.subject) }
            guard let finding = candidates.first else {
                let got = diagnosis.outcomes.filter { $0.ruleID == e.rule }.map { "\($0.status.rawValue)\($0.subject.map { " (\($0))" } ?? "") \($0.detail)" }
                failures.append("\(e.location): expected a finding of \(e.rule)\(e.subject.map { " for \($0)" } ?? ""); none found. The rule reported: \(got.isEmpty ? "nothing" : got.joined(separator: "; "))")
                continue
            }
            for (field, expected) in e.texts {
                let actual = Self.text(field, of: finding)
                if actual != expected {
                    failures.append("\(e.location): \(e.rule) \(finding.subject) \(field): expected \(expected), got \(actual ?? "nothing")")
                }
            }
            for (field, expected, tolerance) in e.numbers {
                guard let actual = Self.number(field, of: finding) else {
                    failures.append("\(e.location): \(e.rule) \(finding.subject) \(field): expected \(NumberFormat.plain(expected)), got nothing")
                    continue
                }
                let allowed = tolerance ?? max(abs(expected) * 1e-6, 1e-9)
                if abs(actual - expected) > allowed {
                    failures.append("\(e.location): \(e.rule) \(finding.subject) \(field): expected \(NumberFormat.plain(expected)) ± \(NumberFormat.plain(allowed)), got \(NumberFormat.plain(NumberFormat.significant(actual, digits: 10)))")
                }
            }
        }
        for o in testCase.outcomes {
            let found = diagnosis.outcomes.contains { $0.ruleID == o.rule && $0.status.rawValue == o.status && (o.subject == nil || $0.subject == o.subject) }
            if !found {
                let got = diagnosis.outcomes.filter { $0.ruleID == o.rule }.map { "\($0.status.rawValue)\($0.subject.map { " (\($0))" } ?? "")" }
                failures.append("\(o.location): expected \(o.rule)\(o.subject.map { " for \($0)" } ?? "") to be \(o.status); got \(got.isEmpty ? "nothing" : got.joined(separator: ", "))")
            }
        }
        for a in testCase.absent {
            if let f = diagnosis.findings.first(where: { $0.ruleID == a.rule && (a.subject == nil || $0.subject == a.subject) }) {
                failures.append("\(a.location): expected no finding of \(a.rule)\(a.subject.map { " for \($0)" } ?? ""); got: \(f.message.en)")
            }
        }
        for o in diagnosis.outcomes where o.status == .failed {
            failures.append("rule \(o.ruleID) failed: \(o.detail)")
        }
        return result(testCase, failures: failures)
    }

    private func result(_ t: PackTestCase, failures: [String]) -> PackTestResult {
        if let gap = t.knownGap {
            return PackTestResult(name: t.name, file: t.file, status: .skipped, failures: failures,
                                  reason: "known gap: \(gap)\(failures.isEmpty ? " (now passes: remove known_gap)" : "")")
        }
        return PackTestResult(name: t.name, file: t.file, status: failures.isEmpty ? .passed : .failed, failures: failures, reason: nil)
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
