public import EdiagModel

extension JSONValue {
    /// Reads a stored JSON document (a diagnosis or portfolio file) into a `JSONValue`, keeping key order.
    /// - Throws: `DocumentError` naming the file, line and column of a syntax error.
    public static func load(path: String) throws(DocumentError) -> JSONValue {
        try JSONValue(SourceDocument.load(path: path))
    }

    /// Parses JSON text; `file` names it in errors.
    /// - Throws: `DocumentError` naming the file, line and column of a syntax error.
    public static func parse(_ text: String, file: String) throws(DocumentError) -> JSONValue {
        try JSONValue(SourceDocument.parse(text, file: file))
    }

    /// A parsed JSON or YAML tree as JSON. Quoted scalars stay strings; an unquoted scalar is a
    /// boolean or a finite number written plainly (a digit or `-` first, no leading zero such as
    /// `007`), otherwise a string — so `nan`, `inf` or an id like `007` keep their text.
    public init(_ source: SourceValue) {
        switch source {
        case .null: self = .null
        case .scalar(let text, let quoted, _):
            if quoted { self = .string(text) }
            else if text == "true" { self = .bool(true) }
            else if text == "false" { self = .bool(false) }
            else if let number = Double(text), number.isFinite, let first = text.first, first.isNumber || first == "-",
                    !text.hasPrefix("0") || text == "0" || text.hasPrefix("0.") {
                self = .number(number)
            }
            else { self = .string(text) }
        case .sequence(let items, _): self = .array(items.map(JSONValue.init))
        case .mapping(let pairs, _): self = .object(pairs.map { ($0.key, JSONValue($0.value)) })
        }
    }
}
