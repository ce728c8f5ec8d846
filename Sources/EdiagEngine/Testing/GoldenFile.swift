public import EdiagModel
import Foundation

/// Whole-pack golden files: the full output of one pack's rules on one example plant, pinned as
/// text in `<pack>/tests/golden/<plant>.txt`.
///
/// The text is deterministic (findings and outcomes sorted by rule and subject, numbers to 8
/// significant digits, no paths or versions), so a rerun gives the same bytes and a reviewer reads
/// the diff that `ediag test --update` leaves. Plants where the pack reports no finding get no file.
public enum GoldenFile {
    /// The folder of a pack's golden files.
    public static func directory(of pack: RulePack) -> String { pack.directory + "/tests/golden" }

    /// The golden file for a plant profile.
    public static func path(of pack: RulePack, plant: String) -> String {
        let name = ((plant as NSString).lastPathComponent as NSString).deletingPathExtension
        return directory(of: pack) + "/" + name + ".txt"
    }

    /// The example plants a pack's goldens cover: the project's `examples/plants/` and the pack's own
    /// `examples/` folder, sorted.
    public static func examplePlants(for pack: RulePack, projectExamples: String?) -> [String] {
        let fm = FileManager.default
        var plants: [String] = []
        for dir in [projectExamples, pack.directory + "/examples"].compactMap({ $0 }) {
            for entry in ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).sorted()
            where entry.hasSuffix(".yaml") || entry.hasSuffix(".yml") || entry.hasSuffix(".json") {
                plants.append(dir + "/" + entry)
            }
        }
        return plants
    }

    /// The golden text of a diagnosis restricted to `rules`; nil when none of them reported a finding.
    public static func render(_ diagnosis: Diagnosis, pack: String, rules: Set<String>, plant: String) -> String? {
        let findings = diagnosis.findings.filter { rules.contains($0.ruleID) }
            .sorted { ($0.ruleID, $0.subject, $0.message.en) < ($1.ruleID, $1.subject, $1.message.en) }
        guard !findings.isEmpty else { return nil }
        var out = "# Golden output of the \(pack) rules on \((plant as NSString).lastPathComponent).\n"
        out += "# Written by `ediag test --update`; review the diff like code.\n"
        for f in findings {
            out += "\nfinding \(f.ruleID) [\(f.subject)] \(f.category.rawValue) \(f.severity.rawValue)\n"
            if let c = f.compliance {
                let thresholds = c.thresholds.map { $0.map(number) ?? "-" }.joined(separator: " / ")
                out += "  compliance: \(c.grade.rawValue), value \(number(c.value)) \(c.unit), grades \(thresholds) (\(c.better) is better), \(c.standard)\n"
                if let b = c.benchmark { out += "  benchmark: \(number(b))\(c.baseline.map { ", baseline \(number($0))" } ?? "")\(c.gapToBenchmarkTce.map { ", gap \(number($0)) tce/a" } ?? "")\n" }
                if let u = c.upcoming { out += "  upcoming: \(u.grade.rawValue) under \(u.standard) from \(u.effective)\n" }
            }
            if let e = f.economics {
                let savings = e.savings.map { "\($0.carrier) \(number($0.amount)) \($0.unit)" }.joined(separator: ", ")
                out += "  measure: \(e.measure), saves \(savings); \(number(e.tcePerYear)) tce/a, \(number(e.co2TonnesPerYear)) tCO2/a\n"
                out += "  money: \(e.yuanPerYear.map(number) ?? "-") yuan/a, investment \(number(e.investmentYuan)) yuan, payback \(e.simplePaybackYears.map(number) ?? "-") a, NPV \(e.npvYuan.map(number) ?? "-") yuan, confidence \(e.confidence)\n"
            }
            for ev in f.evidence {
                let value: String
                switch ev.value {
                case .number(let n): value = number(n)
                case .text(let t): value = t
                case .bool(let b): value = b ? "true" : "false"
                }
                out += "  evidence: \(ev.name) = \(value)\(ev.unit.map { " \($0)" } ?? "")\n"
            }
            out += "  en: \(f.message.en)\n  zh: \(f.message.zh)\n"
        }
        let outcomes = diagnosis.outcomes.filter { rules.contains($0.ruleID) && $0.status != .reported && $0.status != .nothingToReport }
            .map { "\($0.ruleID) [\($0.subject ?? "plant")] \($0.status.rawValue): \($0.detail)" }.sorted()
        if !outcomes.isEmpty { out += "\n" + outcomes.map { "outcome \($0)\n" }.joined() }
        return out
    }

    /// Numbers to 8 significant digits, so that the last bits of floating point never show.
    static func number(_ x: Double) -> String { NumberFormat.plain(NumberFormat.significant(x, digits: 8)) }

    /// A readable line diff (`-` expected, `+` actual) with two lines of context; empty when equal.
    public static func diff(expected: String, actual: String, context: Int = 2) -> [String] {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if a == b { return [] }
        // Longest common subsequence table (golden files are small).
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var ops: [(Character, String, Int)] = []  // (op, text, line in expected)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] { ops.append((" ", a[i], i + 1)); i += 1; j += 1 }
            else if j < b.count, i == a.count || lcs[i][j + 1] > lcs[i + 1][j] { ops.append(("+", b[j], i + 1)); j += 1 }
            else { ops.append(("-", a[i], i + 1)); i += 1 }
        }
        let changed = ops.indices.filter { ops[$0].0 != " " }
        var keep = Set<Int>()
        for c in changed { for k in max(0, c - context)...min(ops.count - 1, c + context) { keep.insert(k) } }
        var lines: [String] = []
        var last = -2
        for k in keep.sorted() {
            if k != last + 1 { lines.append("@@ line \(ops[k].2) @@") }
            lines.append("\(ops[k].0) \(ops[k].1)")
            last = k
        }
        return lines
    }
}
