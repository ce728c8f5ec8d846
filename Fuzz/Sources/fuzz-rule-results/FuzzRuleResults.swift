import EdiagEngine
import EdiagModel
import FuzzSupport
import Foundation
import LuaSandbox

/// libFuzzer entry: the input chooses a ctx method (finding, compliance, recommend, not_applicable,
/// insufficient_data) and a Lua value for it, built from a small grammar of the shapes the host
/// reads (known keys, quantities, limit rows) and the hostile ones (NaN, infinities, huge and
/// invalid UTF-8 strings, functions, coroutines, deep nesting, cycles). The rule passes the value
/// to the host; the host must turn it into findings or a located error, never crash.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzRuleResults(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    var input = LuaValueWriter(bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    let methods = ["finding", "compliance", "recommend", "not_applicable", "insufficient_data"]
    let control = input.byte()
    let method = methods[Int(control) % methods.count]
    let call = control & 0x10 == 0 ? "ctx:\(method)" : "ctx.\(method)"
    var body = "local v = \(input.value(depth: 0))\n"
    if control & 0x20 != 0 { body += "if type(v) == 'table' then v[\(input.key())] = v end\n" }
    body += "local r = \(call)(v)\n"
    if control & 0x40 != 0 { body += "\(call)(v)\n" }
    let rule = """
        rule {
          id = "fuzz.results", title = { zh = "模糊", en = "fuzz" }, category = "data_quality",
          references = { { standard = "fuzz" } },
          evaluate = function(plant, ctx)
        \(body)
          end,
        }
        """
    let directory = "/nonexistent/fuzz-results"
    let manifest = try! PluginManifest.decode(
        try! SourceDocument.parse("name: fuzz\nversion: 1.0.0\napi: \">=1.0 <2\"\ndescription: {zh: 模糊, en: fuzz}\n", file: "plugin.yaml"),
        file: "plugin.yaml")
    let pack = RulePack(manifest: manifest, directory: directory, ruleFiles: [SourceFile(path: directory + "/rule.lua", text: rule)],
                        modules: [:], dataTables: [], contentHash: FolderHash(hash: "", files: [:]))
    var options = RuntimeOptions()
    options.limits = LuaLimits(memoryBytes: 16 << 20, instructions: 1_000_000, seconds: 2)
    guard let runtime = try? RuleRuntime(packs: [pack], options: options) else { return 0 }
    precondition(runtime.loadErrors.isEmpty, "the generated rule always compiles: \(runtime.loadErrors)\n\(rule)")
    let diagnosis = runtime.diagnose(FuzzPlant.profile)
    for finding in diagnosis.findings {
        // Whatever the rule passed, what comes out is finite and bounded.
        for e in finding.evidence { if case .number(let n) = e.value { precondition(n.isFinite, "evidence is finite") } }
        if let economics = finding.economics {
            precondition(economics.tcePerYear.isFinite && economics.investmentYuan.isFinite, "economics are finite")
            if let p = economics.simplePaybackYears { precondition(p.isFinite && p >= 0, "payback is finite and not negative") }
        }
        if let c = finding.compliance { precondition(c.value.isFinite && c.thresholds.allSatisfy { $0?.isFinite ?? true }, "grades are finite") }
        precondition(finding.message.en.utf8.count <= 64 * 1024 && finding.message.zh.utf8.count <= 64 * 1024, "messages are bounded")
    }
    for outcome in diagnosis.outcomes where outcome.status == .failed {
        precondition(outcome.detail.contains("rule.lua:"), "a failure names the rule file and line: \(outcome.detail)")
    }
    return 0
}

/// Turns fuzzer bytes into Lua source for one value.
struct LuaValueWriter {
    var bytes: [UInt8]
    var position = 0

    mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func pick(_ choices: [String]) -> String { choices[Int(byte()) % choices.count] }

    static let keys = [
        "message", "values", "evidence", "savings", "investment", "lifetime", "subject", "severity", "category", "zh",
        "en", "limits", "thresholds", "upcoming_thresholds", "value", "unit", "range", "low", "high", "needs", "reason",
        "name", "source", "current", "upcoming", "standard", "effective", "grade1", "grade2", "grade3", "benchmark",
        "baseline", "output", "om_cost", "confidence", "title", "references", "measure", "better", "indicator",
        "electricity", "natural_gas", "steam", "clause", "x", "tce",
    ]
    static let strings = [
        "", "x", "{x}", "{x:2}", "{tce}", "{", "}", "{x:99999}", "kWh", "万元", "yuan", "a", "kgce/t", "t/a", "critical",
        "warning", "info", "compliance", "saving_measure", "data_quality", "high", "medium", "low", "lower", "higher",
        "2020-01-01", "2999-12-31", "GB 1", "electricity", "plant.equipment", "not a unit", "%", "MWh/a", "GJ", "kWh/t",
        "gce/kWh", "yuan/a",
    ]

    mutating func key() -> String {
        byte() & 1 == 0 ? "\"\(pick(Self.keys))\"" : String(Int(byte() % 8) + 1)
    }

    mutating func number() -> String {
        var raw: UInt64 = 0
        for _ in 0..<8 { raw = raw << 8 | UInt64(byte()) }
        let d = Double(bitPattern: raw)
        if d.isNaN { return "(0/0)" }
        if d.isInfinite { return d > 0 ? "(1/0)" : "(-1/0)" }
        return String(format: "%.17g", d)
    }

    mutating func value(depth: Int) -> String {
        switch byte() % 16 {
        case 0: return number()
        case 1: return String(Int8(bitPattern: byte()))
        case 2: return pick(["math.maxinteger", "math.mininteger", "2^53 + 1", "-0.0", "1e308 * 10", "5e-324", "1e15"])
        case 3, 4: return "\"\(pick(Self.strings))\""
        case 5:
            let n = Int(byte() % 24)
            return "\"" + (0..<n).map { _ in String(format: "\\%03d", byte()) }.joined() + "\""
        case 6: return byte() & 1 == 0 ? "true" : "false"
        case 7: return "nil"
        case 8: return pick(["print", "function() end", "coroutine.create(print)", "ctx", "plant", "ediag", "string"])
        case 9: return "string.rep(\"\(pick(Self.strings))\", \(Int(byte()) * 300))"
        case 10: return "ediag.q(\(number()), \"\(pick(Self.strings))\")"
        case 11:
            return "{ standard = \"GB 1\", effective = \"2020-01-01\", grade1 = \(value(depth: depth + 1)), "
                + "grade2 = \(value(depth: depth + 1)), grade3 = \(value(depth: depth + 1)), better = \(value(depth: depth + 1)) }"
        default:
            guard depth < 5 else { return "{}" }
            let n = Int(byte() % 7)
            return "{ " + (0..<n).map { _ in "[\(key())] = \(value(depth: depth + 1))" }.joined(separator: ", ") + " }"
        }
    }
}
