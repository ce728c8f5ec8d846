public import EdiagModel
import EdiagReport

/// Writes a parsed profile document back as JSON or YAML text.
///
/// Scalars follow `JSONValue(_ source:)`: unquoted numbers and booleans stay so, everything else is
/// a string. Keys keep their order, so the text is deterministic.
public enum ProfileText {
    /// Compact JSON, one document per file.
    public static func json(_ value: SourceValue) -> String {
        JSONValue(value).serialized(pretty: false) + "\n"
    }

    /// Block-style YAML with JSON-style quoted strings (valid YAML 1.2).
    public static func yaml(_ value: SourceValue) -> String {
        var out = ""
        writeYAML(value, indent: 0, into: &out)
        return out
    }

    private static func scalar(_ value: SourceValue) -> String {
        JSONValue(value).serialized(pretty: false)
    }

    private static func key(_ name: String) -> String {
        JSONValue.string(name).serialized(pretty: false)
    }

    private static func writeYAML(_ value: SourceValue, indent: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: indent)
        switch value {
        case .mapping(let pairs, _):
            for pair in pairs {
                out += pad + key(pair.key) + ":"
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
                        out += (first ? " " : pad + "  ") + key(pair.key) + ":"
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
        case .null, .scalar: out += " " + scalar(value) + "\n"
        case .sequence(let items, _) where items.isEmpty: out += " []\n"
        case .mapping(let pairs, _) where pairs.isEmpty: out += " {}\n"
        default:
            out += "\n"
            writeYAML(value, indent: indent + 1, into: &out)
        }
    }
}
