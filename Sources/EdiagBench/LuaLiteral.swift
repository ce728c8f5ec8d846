public import EdiagEngine
public import EdiagModel

/// Writes validated profiles and data tables as Lua table constructors, for the plain-Lua baseline.
///
/// The values are exactly those the rules see through ediag's proxies: quantities already in the
/// schema's units, data tables with `null` as `false`.
public enum LuaLiteral {
    /// A profile value as a Lua expression.
    public static func profile(_ value: ProfileValue) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    /// A data-table value as a Lua expression.
    public static func data(_ value: DataValue) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    /// A string literal (decimal escapes for bytes Lua would misread; UTF-8 passes through).
    public static func string(_ text: String) -> String {
        String(decoding: [UInt8(ascii: "\"")] + escapedBytes(text) + [UInt8(ascii: "\"")], as: UTF8.self)
    }

    private static func escapedBytes(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += Array("\\\"".utf8)
            case UInt8(ascii: "\\"): out += Array("\\\\".utf8)
            case 0..<0x20, 0x7f:
                // Three digits, so a following digit is not read as part of the escape.
                let digits = String(byte)
                out += Array(("\\" + String(repeating: "0", count: 3 - digits.count) + digits).utf8)
            default: out.append(byte)
            }
        }
        return out
    }

    static func number(_ d: Double) -> String {
        if d.isNaN { return "(0/0)" }
        if d.isInfinite { return d > 0 ? "math.huge" : "-math.huge" }
        // Shortest round-trip text with a decimal point or exponent, so Lua reads a float.
        let text = "\(d)"
        return text.contains(".") || text.contains("e") ? text : text + ".0"
    }

    private static func key(_ name: String) -> String {
        "[" + string(name) + "]"
    }

    private static func write(_ value: ProfileValue, into out: inout String) {
        switch value {
        case .number(let d): out += number(d)
        case .integer(let i): out += String(i)
        case .text(let t): out += string(t)
        case .bool(let b): out += b ? "true" : "false"
        case .list(let items):
            out += "{"
            for item in items { write(item, into: &out); out += "," }
            out += "}"
        case .object(let object):
            out += "{"
            for field in object.fields {
                out += key(field.name) + "="
                write(field.value, into: &out)
                out += ","
            }
            out += "}"
        }
    }

    private static func write(_ value: DataValue, into out: inout String) {
        switch value {
        case .number(let n):
            if n == n.rounded(), abs(n) < 1e15 { out += String(Int64(n)) } else { out += number(n) }
        case .text(let t): out += string(t)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "false"
        case .list(let items):
            out += "{"
            for item in items { write(item, into: &out); out += "," }
            out += "}"
        case .map(let pairs):
            out += "{"
            for pair in pairs {
                out += key(pair.key) + "="
                write(pair.value, into: &out)
                out += ","
            }
            out += "}"
        }
    }
}
