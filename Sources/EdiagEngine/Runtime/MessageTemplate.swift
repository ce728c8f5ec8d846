import EdiagModel

/// Fills `{name}` and `{name:decimals}` placeholders in rule messages with formatted values.
enum MessageTemplate {
    static func fill(_ template: LocalizedText, _ values: [String: EvidenceValue]) throws(RuleOutputError) -> LocalizedText {
        LocalizedText(zh: try fill(template.zh, values), en: try fill(template.en, values))
    }

    static func fill(_ text: String, _ values: [String: EvidenceValue]) throws(RuleOutputError) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { out += rest[open...]; return out }
            let inside = rest[rest.index(after: open)..<close]
            let parts = inside.split(separator: ":", maxSplits: 1)
            let name = parts.first.map(String.init) ?? ""
            guard let value = values[name] else {
                throw RuleOutputError("message placeholder {\(inside)} has no value; add it to values = {…}")
            }
            let decimals = parts.count > 1 ? Int(parts[1]) : nil
            out += format(value, decimals: decimals)
            guard out.utf8.count <= LuaTableReader.maxTextBytes else {
                throw RuleOutputError("the filled message is longer than the \(LuaTableReader.maxTextBytes) bytes a rule may report")
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    static func format(_ value: EvidenceValue, decimals: Int?) -> String {
        switch value {
        case .text(let t): return t
        case .bool(let b): return b ? "true" : "false"
        case .number(let n):
            if decimals == nil, n == n.rounded(), abs(n) < 1e15 { return NumberFormat.grouped(n, decimals: 0) }
            let d = decimals ?? (abs(n) >= 1000 ? 0 : (abs(n) >= 10 ? 1 : 2))
            return NumberFormat.grouped(n, decimals: d)
        }
    }
}

/// The message of a compliance finding, in both languages.
enum ComplianceMessage {
    static func text(_ r: ComplianceResult) -> LocalizedText {
        func limits(_ t: [Double?]) -> String { t.map { $0.map { NumberFormat.plain($0) } ?? "–" }.joined(separator: "/") }
        let value = NumberFormat.grouped(r.value, decimals: abs(r.value) >= 1000 ? 0 : 1)
        var en = "\(r.indicator.en): \(value) \(r.unit), \(r.grade.label.en) under \(r.standard) (grades 1/2/3: \(limits(r.thresholds)) \(r.unit))"
        var zh = "\(r.indicator.zh)：\(value) \(r.unit)，按 \(r.standard) 为\(r.grade.label.zh)（1/2/3级：\(limits(r.thresholds)) \(r.unit)）"
        if let b = r.benchmark {
            en += "; benchmark \(NumberFormat.plain(b))"
            zh += "；标杆水平 \(NumberFormat.plain(b))"
            if let gap = r.gapToBenchmarkTce {
                en += ", \(NumberFormat.grouped(gap, decimals: 0)) tce/a above it"
                zh += "，差距 \(NumberFormat.grouped(gap, decimals: 0)) tce/a"
            }
        }
        if let up = r.upcoming {
            en += ". From \(up.effective) (\(up.standard)) this plant would be \(up.grade.label.en)"
            zh += "。自 \(up.effective) 起（\(up.standard)）将为\(up.grade.label.zh)"
        }
        return LocalizedText(zh: zh, en: en)
    }
}
