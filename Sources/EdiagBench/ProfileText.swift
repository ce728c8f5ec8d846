public import EdiagModel

/// Writes a parsed profile document back as JSON or YAML text.
///
/// Unquoted scalars that read as numbers or booleans are written as such; everything else is a
/// string. Keys keep their order, so the text is deterministic.
public enum ProfileText {
    /// Compact JSON, one document per file.
    public static func json(_ value: SourceValue) -> String {
        var out = ""
        writeJSON(value, into: &out)
        return out + "\n"
    }

    /// Block-style YAML with JSON-style quoted strings (valid YAML 1.2).
    public static func yaml(_ value: SourceValue) -> String {
        var out = ""
        writeYAML(value, indent: 0, into: &out)
        return out
    }

    private static func scalarJSON(_ text: String, quoted: Bool) -> String {
        if !quoted {
            if text == "true" || text == "false" { return text }
            if let number = Double(text), number.isFinite, let first = text.first, first.isNumber || first == "-",
                !text.hasPrefix("0") || text == "0" || text.hasPrefix("0.") {
                return text
            }
        }
        return quote(text)
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += "\\u00" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    private static func writeJSON(_ value: SourceValue, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .scalar(let text, let quoted, _): out += scalarJSON(text, quoted: quoted)
        case .sequence(let items, _):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                writeJSON(item, into: &out)
            }
            out += "]"
        case .mapping(let pairs, _):
            out += "{"
            for (i, pair) in pairs.enumerated() {
                if i > 0 { out += "," }
                out += quote(pair.key) + ":"
                writeJSON(pair.value, into: &out)
            }
            out += "}"
        }
    }

    private static func writeYAML(_ value: SourceValue, indent: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: indent)
        switch value {
        case .mapping(let pairs, _):
            for pair in pairs {
                out += pad + quote(pair.key) + ":"
                writeYAMLChild(pair.value, indent: indent, into: &out)
            }
        case .sequence(let items, _):
            for item in items {
                out += pad + "-"
                switch item {
                case .mapping(let pairs, _) where !pairs.isEmpty:
                    // The first key goes on the dash line; the rest align under it.
                    var first = true
                    for pair in pairs {
                        out += (first ? " " : pad + "  ") + quote(pair.key) + ":"
                        writeYAMLChild(pair.value, indent: indent + 1, into: &out)
                        first = false
                    }
                default:
                    writeYAMLChild(item, indent: indent, into: &out)
                }
            }
        default:
            out += pad
            writeYAMLChild(value, indent: indent, into: &out)
        }
    }

    private static func writeYAMLChild(_ value: SourceValue, indent: Int, into out: inout String) {
        switch value {
        case .null: out += " null\n"
        case .scalar(let text, let quoted, _): out += " " + scalarJSON(text, quoted: quoted) + "\n"
        case .sequence(let items, _) where items.isEmpty: out += " []\n"
        case .mapping(let pairs, _) where pairs.isEmpty: out += " {}\n"
        default:
            out += "\n"
            writeYAML(value, indent: indent + 1, into: &out)
        }
    }
}
