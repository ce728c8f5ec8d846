import EdiagModel

/// The named values a rule's message placeholders are filled from, in the order they were set.
///
/// A report has a handful of values, so a list searched byte by byte costs less than hashing the
/// names into a dictionary.
struct MessageValues {
    private(set) var entries: [(name: String, value: EvidenceValue)] = []

    init() { entries.reserveCapacity(12) }

    /// The value named `name`; setting one replaces the value of that name.
    subscript(name: String) -> EvidenceValue? {
        get { entries.first { $0.name == name }?.value }
        set {
            let i = entries.firstIndex { $0.name == name }
            switch (i, newValue) {
            case (let i?, let value?): entries[i].value = value
            case (let i?, nil): entries.remove(at: i)
            case (nil, let value?): entries.append((name, value))
            case (nil, nil): break
            }
        }
    }

    /// Adds a value whose name is not among the values yet (e.g. the next of a table's sorted,
    /// distinct keys), without looking for it first.
    mutating func append(_ name: String, _ value: EvidenceValue) {
        entries.append((name, value))
    }

    /// The value whose name is the bytes `name`.
    func value(named name: UnsafeBufferPointer<UInt8>) -> EvidenceValue? {
        for entry in entries where entry.name.utf8.count == name.count {
            var candidate = entry.name
            let same = candidate.withUTF8 { bytes in
                for k in 0..<bytes.count where bytes[k] != name[k] { return false }
                return true
            }
            if same { return entry.value }
        }
        return nil
    }
}

/// Fills `{name}` and `{name:decimals}` placeholders in rule messages with formatted values.
enum MessageTemplate {
    static func fill(_ template: LocalizedText, _ values: MessageValues) throws(RuleOutputError) -> LocalizedText {
        LocalizedText(zh: try fill(template.zh, values), en: try fill(template.en, values))
    }

    static func fill(_ text: String, _ values: MessageValues) throws(RuleOutputError) -> String {
        var template = text
        // Work on UTF-8 bytes in place: the braces are ASCII, and messages are mostly Chinese text
        // whose grapheme-by-grapheme scanning would cost far more than the formatting itself.
        let filled: Result<[UInt8]?, RuleOutputError> = template.withUTF8 { bytes in
            guard bytes.contains(UInt8(ascii: "{")) else { return .success(nil) }
            do throws(RuleOutputError) {
                return .success(try fill(bytes, values))
            } catch {
                return .failure(error)
            }
        }
        guard let out = try filled.get() else { return text }
        return String(decoding: out, as: UTF8.self)
    }

    private static func fill(_ bytes: UnsafeBufferPointer<UInt8>, _ values: MessageValues) throws(RuleOutputError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 32)
        var i = 0
        while i < bytes.count {
            guard let open = bytes[i...].firstIndex(of: UInt8(ascii: "{")) else {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i...]))
                break
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<open]))
            guard let close = bytes[open...].firstIndex(of: UInt8(ascii: "}")) else {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[open...]))
                break
            }
            let inside = UnsafeBufferPointer(rebasing: bytes[(open + 1)..<close])
            let colon = inside.firstIndex(of: UInt8(ascii: ":"))
            guard let value = values.value(named: UnsafeBufferPointer(rebasing: inside[..<(colon ?? inside.endIndex)])) else {
                throw RuleOutputError("message placeholder {\(String(decoding: inside, as: UTF8.self))} has no value; add it to values = {…}")
            }
            let decimals = colon.flatMap { Int(String(decoding: inside[($0 + 1)...], as: UTF8.self)) }
            var text = format(value, decimals: decimals)
            text.withUTF8 { out.append(contentsOf: $0) }
            guard out.count <= LuaTableReader.maxTextBytes else {
                throw RuleOutputError("the filled message is longer than the \(LuaTableReader.maxTextBytes) bytes a rule may report")
            }
            i = close + 1
        }
        return out
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
        // Each figure is written once and shared by both languages; the texts are joined as bytes
        // (a String grows by far more work per piece).
        let value = NumberFormat.grouped(r.value, decimals: abs(r.value) >= 1000 ? 0 : 1)
        let limits = Self.limits(r.thresholds)
        var en = TextBytes(), zh = TextBytes()
        en.add(r.indicator.en, ": ", value, " ", r.unit, ", ", r.grade.label.en, " under ", r.standard, " (grades 1/2/3: ", limits, " ", r.unit, ")")
        zh.add(r.indicator.zh, "：", value, " ", r.unit, "，按 ", r.standard, " 为", r.grade.label.zh, "（1/2/3级：", limits, " ", r.unit, "）")
        if let b = r.benchmark {
            let benchmark = NumberFormat.plain(b)
            en.add("; benchmark ", benchmark)
            zh.add("；标杆水平 ", benchmark)
            if let gap = r.gapToBenchmarkTce {
                let shown = NumberFormat.grouped(gap, decimals: 0)
                en.add(", ", shown, " tce/a above it")
                zh.add("，差距 ", shown, " tce/a")
            }
        }
        if let up = r.upcoming {
            en.add(". From ", up.effective, " (", up.standard, ") this plant would be ", up.grade.label.en)
            zh.add("。自 ", up.effective, " 起（", up.standard, "）将为", up.grade.label.zh)
        }
        return LocalizedText(zh: zh.text, en: en.text)
    }

    /// Grade thresholds as `a/b/c`, `–` where a grade has none.
    private static func limits(_ thresholds: [Double?]) -> String {
        var text = ""
        for (i, threshold) in thresholds.enumerated() {
            if i > 0 { text += "/" }
            text += threshold.map { NumberFormat.plain($0) } ?? "–"
        }
        return text
    }

    /// The information finding when no edition is in force yet but one is published.
    static func upcomingOnly(indicator: LocalizedText, value: Double, unit: String, date: String, upcoming up: UpcomingGrade) -> LocalizedText {
        let limits = Self.limits(up.thresholds)
        let shown = NumberFormat.grouped(value, decimals: abs(value) >= 1000 ? 0 : 1)
        return LocalizedText(
            zh: "\(indicator.zh)：\(shown) \(unit)；评估日 \(date) 无现行版本可评级。自 \(up.effective) 起（\(up.standard)，1/2/3级：\(limits) \(unit)）将为\(up.grade.label.zh)",
            en: "\(indicator.en): \(shown) \(unit); no edition is in force on \(date) to grade it. From \(up.effective) (\(up.standard), grades 1/2/3: \(limits) \(unit)) this plant would be \(up.grade.label.en)")
    }
}

/// Text joined from pieces as UTF-8 bytes, made a String once at the end.
struct TextBytes {
    private var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(256) }

    mutating func add(_ pieces: String...) {
        for var piece in pieces { piece.withUTF8 { bytes.append(contentsOf: $0) } }
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}
