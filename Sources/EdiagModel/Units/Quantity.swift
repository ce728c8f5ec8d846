/// A number with its unit, as written in a profile or returned by a rule.
public struct Quantity: Hashable, Sendable, CustomStringConvertible {
    public var value: Double
    public var unit: Unit

    public init(_ value: Double, _ unit: Unit) {
        self.value = value
        self.unit = unit
    }

    /// Reads `"45 GWh"`, `"-12 kgce/t"`, `"93.6 %"`, `"1.2e6 kWh"`, `"3 10^4 m3"`.
    /// - Throws: `UnitError` when the number or the unit cannot be read.
    public init(parsing text: String) throws(UnitError) {
        if let (value, unitText) = Self.splitASCII(text) {
            self.value = value
            self.unit = try Unit(unitText)
        } else {
            self = try Self(parsingCharacters: text)
        }
    }

    /// The general reading, character by character (any text, and the wording of every error).
    init(parsingCharacters text: String) throws(UnitError) {
        let trimmed = text.trimmingWhitespace()
        let chars = Array(trimmed)
        var end = 0
        if end < chars.count, chars[end] == "-" || chars[end] == "+" { end += 1 }
        while end < chars.count, chars[end].isASCII, chars[end].isNumber || chars[end] == "." || chars[end] == "_" || chars[end] == "," {
            end += 1
        }
        if end < chars.count, chars[end] == "e" || chars[end] == "E" {
            var look = end + 1
            if look < chars.count, chars[look] == "-" || chars[look] == "+" { look += 1 }
            if look < chars.count, chars[look].isASCII, chars[look].isNumber {
                end = look
                while end < chars.count, chars[end].isASCII, chars[end].isNumber { end += 1 }
            }
        }
        let numberText = String(chars[0..<end]).replacingAll("_", "").replacingAll(",", "")
        guard let value = Double(numberText), value.isFinite else {
            throw .malformed(trimmed, reason: "expected a number followed by a unit, e.g. '45 GWh'")
        }
        let unitText = String(chars[end...]).trimmingWhitespace()
        guard !unitText.isEmpty else {
            throw .malformed(trimmed, reason: "the unit is missing, e.g. '45 GWh'")
        }
        self.value = value
        self.unit = try Unit(unitText)
    }

    /// The number and the unit text of an ASCII quantity such as `"45 GWh"`, read on bytes exactly as the
    /// general path reads characters (for ASCII without `\r`, every byte is one character); nil for
    /// any other text and for anything the general path would refuse, which then reads it (and words
    /// the error). Profiles write nearly every quantity this way, thousands per plant.
    private static func splitASCII(_ text: String) -> (Double, String)? {
        var text = text
        return text.withUTF8 { bytes -> (Double, String)? in
            // Character.isWhitespace among ASCII (without \r, which may join a following \n).
            func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0C).contains(b) }
            func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }
            for byte in bytes where byte >= 0x80 || byte == 0x0D { return nil }
            var start = 0, end = bytes.count
            while start < end, isSpace(bytes[start]) { start += 1 }
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            var cursor = start
            if cursor < end, bytes[cursor] == UInt8(ascii: "-") || bytes[cursor] == UInt8(ascii: "+") { cursor += 1 }
            while cursor < end, isDigit(bytes[cursor]) || bytes[cursor] == UInt8(ascii: ".") || bytes[cursor] == UInt8(ascii: "_")
                || bytes[cursor] == UInt8(ascii: ",") {
                cursor += 1
            }
            if cursor < end, bytes[cursor] | 0x20 == UInt8(ascii: "e") {
                var look = cursor + 1
                if look < end, bytes[look] == UInt8(ascii: "-") || bytes[look] == UInt8(ascii: "+") { look += 1 }
                if look < end, isDigit(bytes[look]) {
                    cursor = look
                    while cursor < end, isDigit(bytes[cursor]) { cursor += 1 }
                }
            }
            let digits = UnsafeBufferPointer(rebasing: bytes[start..<cursor])
            let separated = digits.contains { $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ",") }
            let number = String(decoding: separated ? digits.filter { $0 != UInt8(ascii: "_") && $0 != UInt8(ascii: ",") } : Array(digits),
                                as: UTF8.self)
            guard let value = Double(number), value.isFinite else { return nil }
            while cursor < end, isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < end else { return nil }
            return (value, String(decoding: UnsafeBufferPointer(rebasing: bytes[cursor..<end]), as: UTF8.self))
        }
    }

    /// This quantity in `target` units.
    public func value(in target: Unit) throws(UnitError) -> Double { try unit.convert(value, to: target) }

    public var description: String { "\(NumberFormat.plain(value)) \(unit.symbol)" }
}

extension String {
    func replacingAll(_ target: Character, _ replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
