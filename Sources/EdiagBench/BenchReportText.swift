import Foundation
import EdiagModel
public import EdiagReport

/// The benchmark's report as a table for people and JSON for the CI guard.
public enum BenchReportText {
    private static func us(_ seconds: Double) -> String { NumberFormat.grouped(seconds * 1e6, decimals: 1) + " µs" }
    private static func ms(_ seconds: Double) -> String { NumberFormat.grouped(seconds * 1e3, decimals: 1) + " ms" }

    public static func table(_ r: Benchmark.Report, startupSeconds: Double?, fallbacks: Int) -> String {
        var lines: [String] = []
        lines.append("ediag bench — \(r.plants) generated plants (\(fallbacks) kept template values), \(r.rules) rules, median of \(r.repeats) passes, process CPU time")
        lines.append("")
        lines.append("pack loading (read plugin folders)      \(ms(r.packLoadSeconds))")
        lines.append("compilation (new Lua state, all packs)  \(ms(r.compileSeconds))")
        lines.append("per plant: parse + validate             \(us(r.parseValidateSeconds))")
        lines.append("per plant: Lua evaluation               \(us(r.evaluationSeconds))")
        lines.append("per plant: economics + prioritization   \(us(r.economicsSeconds))")
        lines.append("per plant: serialization (JSON)         \(us(r.serializationSeconds))")
        lines.append("per plant: end to end                   \(us(r.endToEndSeconds))  → \(NumberFormat.grouped(r.plantsPerSecond, decimals: 0)) plants/s on one core")
        if let s = startupSeconds { lines.append("start-up: one plant, cold process (wall) \(ms(s))") }
        lines.append("peak resident memory                    \(NumberFormat.grouped(Double(r.peakResidentBytes) / 1_048_576, decimals: 1)) MiB")
        lines.append("")
        if let b = r.baselineEvaluationSeconds, let ratio = r.evaluationRatio {
            lines.append("plain-Lua baseline evaluation           \(us(b)) per plant")
            lines.append("evaluation ratio ediag / plain Lua      \(NumberFormat.grouped(ratio, decimals: 2))×")
            if let sandboxed = r.sandboxedEvaluationSeconds {
                lines.append("  plain Lua with ediag's prelude        \(us(sandboxed)) per plant (\(NumberFormat.grouped(sandboxed / b, decimals: 2))× the baseline: the sandbox's Lua side; the rest is the host)")
            }
        } else {
            lines.append("plain-Lua baseline                      not run" + (r.baselineError.map { ": \($0)" } ?? ""))
        }
        lines.append("")
        lines.append("host calls (first pass)      ediag   baseline")
        for c in r.callCounts {
            let name = c.name.padding(toLength: 26, withPad: " ", startingAt: 0)
            lines.append("  \(name) \(String(c.ediag).leftPadded(8)) \((c.baseline.map(String.init) ?? "-").leftPadded(10))")
        }
        if r.baselineEvaluationSeconds != nil {
            lines.append("  same ctx calls, method by method: \(r.callsMatch ? "yes" : "NO")")
        }
        lines.append("")
        lines.append("costliest rules (mean per plant)")
        for c in r.ruleCosts.prefix(10) {
            let name = c.rule.padding(toLength: 48, withPad: " ", startingAt: 0)
            lines.append("  \(name) \(us(c.seconds).leftPadded(12)) \(NumberFormat.grouped(c.instructions, decimals: 0).leftPadded(10)) instr")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ r: Benchmark.Report, startupSeconds: Double?, fallbacks: Int) -> String {
        var pairs: [(String, JSONValue)] = [
            ("plants", .number(Double(r.plants))), ("rules", .number(Double(r.rules))), ("repeats", .number(Double(r.repeats))),
            ("template_fallbacks", .number(Double(fallbacks))),
            ("pack_load_seconds", .number(r.packLoadSeconds)), ("compile_seconds", .number(r.compileSeconds)),
            ("parse_validate_seconds", .number(r.parseValidateSeconds)), ("evaluation_seconds", .number(r.evaluationSeconds)),
            ("economics_seconds", .number(r.economicsSeconds)), ("serialization_seconds", .number(r.serializationSeconds)),
            ("end_to_end_seconds", .number(r.endToEndSeconds)), ("plants_per_second", .number(r.plantsPerSecond)),
            ("peak_resident_bytes", .number(Double(r.peakResidentBytes))),
        ]
        if let s = startupSeconds { pairs.append(("startup_seconds", .number(s))) }
        if let b = r.baselineEvaluationSeconds { pairs.append(("baseline_evaluation_seconds", .number(b))) }
        if let s = r.sandboxedEvaluationSeconds { pairs.append(("sandboxed_evaluation_seconds", .number(s))) }
        if let ratio = r.evaluationRatio {
            pairs.append(("evaluation_ratio", .number(ratio)))
            pairs.append(("calls_match", .bool(r.callsMatch)))
        }
        pairs.append(("calls", .object(r.callCounts.map { ($0.name, .object([("ediag", .number(Double($0.ediag))), ("baseline", $0.baseline.map { .number(Double($0)) } ?? .null)])) })))
        pairs.append(("rule_costs", .array(r.ruleCosts.map {
            .object([("rule", .string($0.rule)), ("seconds", .number($0.seconds)), ("instructions", .number($0.instructions)), ("peak_bytes", .number($0.peakBytes))])
        })))
        return JSONValue.object(pairs).serialized()
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
