public import Foundation
import Yams

/// A place in an input file: path, and line and column where the format tells them (1-based).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        guard let line else { return file }
        guard let column else { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }
}

/// A value read from YAML or JSON, with where it was written.
///
/// Scalars keep their text so that the schema, not the parser, decides what they mean
/// (`"45 GWh"` is a quantity, `2026-03-15` a date, `yes` an error where a boolean is expected).
public indirect enum SourceValue: Sendable {
    case scalar(String, isQuoted: Bool, SourceLocation)
    case null(SourceLocation)
    case sequence([SourceValue], SourceLocation)
    case mapping([(key: String, keyLocation: SourceLocation, value: SourceValue)], SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .scalar(_, _, let l), .null(let l), .sequence(_, let l), .mapping(_, let l): return l
        }
    }

    /// A short description of what this value is, for "expected X, got Y" messages.
    public var kindDescription: String {
        switch self {
        case .scalar(let text, let quoted, _): return quoted ? "the text \"\(text)\"" : "'\(text)'"
        case .null: return "nothing (null)"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

/// Why an input document could not be read at all.
public struct DocumentError: Error, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}

/// Reads YAML and JSON documents into `SourceValue` trees with locations.
public enum SourceDocument {
    /// Reads a file, JSON or YAML whatever its extension (YAML 1.2 reads JSON; see `parse(_:file:)`).
    /// - Throws: `DocumentError` for unreadable files and syntax errors, with line and column.
    public static func load(path: String) throws(DocumentError) -> SourceValue {
        try parse(try read(path: path), file: path)
    }

    /// Reads a file's bytes.
    /// - Throws: `DocumentError` when the file cannot be read.
    public static func read(path: String) throws(DocumentError) -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DocumentError(location: SourceLocation(file: path), message: "cannot read the file")
        }
        return data
    }

    /// Parses bytes that must be UTF-8 YAML or JSON.
    ///
    /// A document that looks like JSON (it opens with `{` or `[`) is read by `JSONSource`, which gives
    /// the same tree and positions without Yams' node tree; whatever that reader leaves (malformed JSON,
    /// YAML flow style, the cases its documentation lists) is read by Yams as before, so the accepted
    /// documents and the error messages stay those of the YAML path.
    public static func parse(_ data: Data, file: String) throws(DocumentError) -> SourceValue {
        if JSONSource.looksLikeJSON(data), let value = try? JSONSource.read(data, file: file) {
            return value
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DocumentError(location: SourceLocation(file: file), message: "the file is not UTF-8 text")
        }
        return try parse(text, file: file)
    }

    /// Parses YAML (JSON is read by the same parser, as YAML 1.2 is a superset of JSON in practice).
    public static func parse(_ text: String, file: String) throws(DocumentError) -> SourceValue {
        let stripped = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let node: Node?
        do {
            node = try Yams.compose(yaml: stripped, Resolver.basic)
        } catch let error as YamlError {
            throw DocumentError(location: location(of: error, file: file), message: syntaxMessage(error))
        } catch {
            throw DocumentError(location: SourceLocation(file: file), message: "cannot parse: \(error)")
        }
        guard let node else {
            throw DocumentError(location: SourceLocation(file: file, line: 1, column: 1), message: "the document is empty")
        }
        var budget = maxValues
        return try convert(node, file: file, depth: 0, budget: &budget)
    }

    /// The most values (scalars, lists, maps) one document may hold once YAML aliases are expanded:
    /// a few lines of nested aliases ("billion laughs") otherwise expand to billions.
    public static let maxValues = 1_000_000

    private static func location(of error: YamlError, file: String) -> SourceLocation {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return SourceLocation(file: file, line: mark.line, column: mark.column)
        case .reader(_, _, _, _):
            return SourceLocation(file: file)
        default:
            return SourceLocation(file: file)
        }
    }

    private static func syntaxMessage(_ error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
            .composer(let context, let problem, _, _):
            let ctx = context.map { "\($0.text) " } ?? ""
            return "syntax error: \(ctx)\(problem)"
        default:
            return "syntax error: \(error)"
        }
    }

    private static func convert(_ node: Node, file: String, depth: Int, budget: inout Int) throws(DocumentError) -> SourceValue {
        let location = SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
        if depth > 64 { return .null(location) }
        budget -= 1
        guard budget >= 0 else {
            throw DocumentError(location: location, message: "the document holds more than \(maxValues) values once its aliases "
                                + "are expanded; write the values out or use fewer nested aliases")
        }
        switch node {
        case .scalar(let scalar):
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
                || scalar.style == .literal || scalar.style == .folded
            if !quoted, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                return .null(location)
            }
            return .scalar(scalar.string, isQuoted: quoted, location)
        case .sequence(let sequence):
            var items: [SourceValue] = []
            for item in sequence { items.append(try convert(item, file: file, depth: depth + 1, budget: &budget)) }
            return .sequence(items, location)
        case .mapping(let mapping):
            var pairs: [(key: String, keyLocation: SourceLocation, value: SourceValue)] = []
            for (key, value) in mapping {
                let keyLocation = SourceLocation(file: file, line: key.mark?.line, column: key.mark?.column)
                pairs.append((key.string ?? "\(key)", keyLocation, try convert(value, file: file, depth: depth + 1, budget: &budget)))
            }
            return .mapping(pairs, location)
        case .alias:
            return .null(location)
        }
    }
}

/// Two documents are equal when their values, scalar styles, key order and positions are: what the
/// JSON and YAML readers must agree on.
extension SourceValue: Equatable {
    public static func == (lhs: SourceValue, rhs: SourceValue) -> Bool {
        switch (lhs, rhs) {
        case let (.scalar(a, aq, al), .scalar(b, bq, bl)):
            return a == b && aq == bq && al == bl && a.utf8.elementsEqual(b.utf8)
        case let (.null(a), .null(b)):
            return a == b
        case let (.sequence(a, al), .sequence(b, bl)):
            return al == bl && a == b
        case let (.mapping(a, al), .mapping(b, bl)):
            return al == bl && a.count == b.count
                && zip(a, b).allSatisfy { x, y in
                    x.key.utf8.elementsEqual(y.key.utf8) && x.keyLocation == y.keyLocation && x.value == y.value
                }
        default:
            return false
        }
    }
}
