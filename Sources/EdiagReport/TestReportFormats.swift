public import EdiagEngine
import EdiagModel

/// `ediag test` output for people: only failures are detailed, then the summary line.
public enum TestReportText {
    /// The terminal report. With `coverage`, a per-file table with the missed lines follows.
    public static func text(_ report: PackTestReport, minimumCoverage: Double? = nil) -> String {
        var out = ""
        for r in report.results where r.status != .passed {
            if r.status == .skipped {
                out += "SKIP \(r.name) (\(r.file)): \(r.reason ?? "")\n"
                continue
            }
            out += "FAIL \(r.name)\n     \(r.file)\n"
            for f in r.failures { out += failureText(f) }
        }
        for path in report.updatedGoldens { out += "updated \(path)\n" }
        if !report.untestedRules.isEmpty {
            out += "rules without any test (add a case in tests/ or an example in the rule):\n"
            for rule in report.untestedRules { out += "  \(rule.id)  (\(rule.location))\n" }
        }
        if !report.coverage.isEmpty { out += coverageText(report.coverage) }
        out += report.summary + "\n"
        return out
    }

    static func failureText(_ f: TestFailure) -> String {
        var head = "  at \(f.location)"
        if let rule = f.rule { head += "  rule \(rule)" }
        if let subject = f.subject { head += "  subject \(subject)" }
        var out = head + "\n"
        if let field = f.field, f.expected != nil || f.actual != nil {
            out += "    \(field)\n"
            out += "      expected: \(f.expected ?? "-")\(f.tolerance.map { "  (tolerance ± \($0))" } ?? "")\n"
            out += "      actual:   \(f.actual ?? "-")\n"
            if !f.message.hasPrefix(field + ":") { out += "      \(f.message)\n" }
        } else {
            for line in f.message.split(separator: "\n", omittingEmptySubsequences: false) { out += "    \(line)\n" }
            if let e = f.expected { out += "      expected: \(e)\n" }
            if let a = f.actual { out += "      actual:   \(a)\n" }
        }
        return out
    }

    /// Per-file line coverage with the missed lines as ranges, and the total.
    public static func coverageText(_ files: [FileCoverage]) -> String {
        var out = "coverage (executable lines run by the tests):\n"
        for f in files {
            let missed = f.executable.filter { !Set(f.hit).contains($0) }
            let shown = percent(hit: f.hit.count, of: f.executable.count)
            out += "  " + shown + String(repeating: " ", count: max(1, 8 - shown.count)) + f.file
            out += f.executable.isEmpty ? "  (never loaded)\n" : (missed.isEmpty ? "\n" : "  missed: \(ranges(missed))\n")
        }
        let total = CoverageSummary(files)
        out += "  \(percent(hit: total.hit, of: total.executable)) total (\(total.hit) of \(total.executable) lines)\n"
        return out
    }

    static func percent(hit: Int, of total: Int) -> String {
        guard total > 0 else { return "0.0%" }
        return NumberFormat.grouped(Double(hit) * 100 / Double(total), decimals: 1) + "%"
    }

    /// `[3, 4, 5, 9]` → `3-5, 9`.
    static func ranges(_ lines: [Int]) -> String {
        var parts: [String] = []
        var start = lines.first, previous = lines.first
        for line in lines.dropFirst() + [Int.min] {
            if let p = previous, line == p + 1 { previous = line; continue }
            if let s = start, let p = previous { parts.append(s == p ? "\(s)" : "\(s)-\(p)") }
            start = line
            previous = line
        }
        return parts.joined(separator: ", ")
    }
}

/// Total line coverage over files.
public struct CoverageSummary: Sendable {
    public var executable: Int
    public var hit: Int

    public init(_ files: [FileCoverage]) {
        executable = files.reduce(0) { $0 + $1.executable.count }
        hit = files.reduce(0) { $0 + $1.hit.count }
    }

    /// Percent of executable lines that ran (0 when there are none).
    public var percent: Double { executable == 0 ? 0 : Double(hit) * 100 / Double(executable) }
}

/// `ediag test --json`: every test with its status and failures, the untested rules and coverage.
public enum TestReportJSON {
    public static func document(_ report: PackTestReport) -> JSONValue {
        func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
        let results: [JSONValue] = report.results.map { r in
            .object([
                ("name", .string(r.name)), ("kind", .string(r.kind.rawValue)), ("pack", .string(r.pack)),
                ("file", .string(r.file)), ("status", .string(r.status.rawValue)), ("reason", optional(r.reason)),
                ("failures", .array(r.failures.map { f in
                    .object([("location", .string(f.location)), ("rule", optional(f.rule)), ("subject", optional(f.subject)),
                             ("field", optional(f.field)), ("expected", optional(f.expected)), ("actual", optional(f.actual)),
                             ("tolerance", optional(f.tolerance)), ("message", .string(f.message))])
                })),
            ])
        }
        var pairs: [(String, JSONValue)] = [
            ("schema", .string("ediag/test-report@1")),
            ("summary", .object([("passed", .number(Double(report.passed))), ("failed", .number(Double(report.failed))),
                                 ("skipped", .number(Double(report.skipped))), ("line", .string(report.summary))])),
            ("results", .array(results)),
            ("untested_rules", .array(report.untestedRules.map { .object([("rule", .string($0.id)), ("location", .string($0.location))]) })),
        ]
        if !report.coverage.isEmpty {
            let total = CoverageSummary(report.coverage)
            pairs.append(("coverage", .object([
                ("percent", .number(total.percent)), ("executable", .number(Double(total.executable))), ("hit", .number(Double(total.hit))),
                ("files", .array(report.coverage.map { f in
                    let hit = Set(f.hit)
                    return .object([("file", .string(f.file)), ("executable", .number(Double(f.executable.count))),
                                    ("hit", .number(Double(f.hit.count))),
                                    ("missed", .array(f.executable.filter { !hit.contains($0) }.map { .number(Double($0)) }))])
                })),
            ])))
        }
        return .object(pairs)
    }
}

/// `ediag test --junit FILE`: JUnit XML, one test suite per pack, for CI servers.
public enum JUnitReport {
    public static func xml(_ report: PackTestReport) -> String {
        var packs: [String] = []
        for r in report.results where !packs.contains(r.pack) { packs.append(r.pack) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"ediag test\" tests=\"\(report.results.count)\" failures=\"\(report.failed)\" skipped=\"\(report.skipped)\">\n"
        for pack in packs {
            let results = report.results.filter { $0.pack == pack }
            let failed = results.filter { $0.status == .failed }.count, skipped = results.filter { $0.status == .skipped }.count
            out += "  <testsuite name=\"\(escape(pack.isEmpty ? "ediag" : pack))\" tests=\"\(results.count)\" failures=\"\(failed)\" skipped=\"\(skipped)\">\n"
            for r in results {
                out += "    <testcase classname=\"\(escape(pack)).\(r.kind.rawValue)\" name=\"\(escape(r.name))\" file=\"\(escape(r.file))\""
                switch r.status {
                case .passed: out += "/>\n"
                case .skipped: out += ">\n      <skipped message=\"\(escape(r.reason ?? ""))\"/>\n    </testcase>\n"
                case .failed:
                    let first = r.failures.first?.message.split(separator: "\n").first.map(String.init) ?? "failed"
                    let body = r.failures.map { TestReportText.failureText($0) }.joined()
                    out += ">\n      <failure message=\"\(escape(first))\">\(escape(body))</failure>\n    </testcase>\n"
                }
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\t": out.unicodeScalars.append(c)
            default: if c.value < 0x20 { out += " " } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }
}
