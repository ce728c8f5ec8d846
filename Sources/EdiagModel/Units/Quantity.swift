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
