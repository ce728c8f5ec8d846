public import EdiagModel

/// A value of a pack's data table, as read from YAML: handed to rules as a frozen Lua table.
public indirect enum DataValue: Sendable, Equatable {
    case number(Double)
    case text(String)
    case bool(Bool)
    case null
    case list([DataValue])
    /// Keys keep the order they were written in.
    case map([(key: String, value: DataValue)])

    public static func == (a: DataValue, b: DataValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x == y
        case (.text(let x), .text(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.null, .null): return true
        case (.list(let x), .list(let y)): return x == y
        case (.map(let x), .map(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// Reads YAML scalars as numbers or booleans where they look like one (unquoted), else text.
    public init(_ source: SourceValue) {
        switch source {
        case .null: self = .null
        case .scalar(let text, let quoted, _):
            if !quoted, let n = Double(text), n.isFinite { self = .number(n) }
            else if !quoted, text == "true" || text == "false" { self = .bool(text == "true") }
            else { self = .text(text) }
        case .sequence(let items, _): self = .list(items.map(DataValue.init))
        case .mapping(let pairs, _): self = .map(pairs.map { ($0.key, DataValue($0.value)) })
        }
    }

    public subscript(_ key: String) -> DataValue? {
        if case .map(let pairs) = self { return pairs.first { $0.key == key }?.value }
        return nil
    }

    public var text: String? { if case .text(let t) = self { return t } else { return nil } }
    public var number: Double? { if case .number(let n) = self { return n } else { return nil } }
    public var list: [DataValue]? { if case .list(let l) = self { return l } else { return nil } }
}
