import EdiagModel

/// Why a stored document cannot be rendered: the field path and what was expected there.
public struct ReportDocumentError: Error, Sendable, CustomStringConvertible {
    /// Path of the field, e.g. `findings[2].economics.tce_per_year`.
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// Typed, path-aware access to a `JSONValue`, so that a wrong or missing field is reported by its path.
struct DocumentReader {
    let value: JSONValue
    let path: String

    init(_ value: JSONValue, path: String = "") {
        self.value = value
        self.path = path
    }

    private func childPath(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    private static func kind(_ v: JSONValue) -> String {
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return "the number \(NumberFormat.plain(n))"
        case .string(let s): return "the text \"\(s.count > 40 ? String(s.prefix(40)) + "…" : s)\""
        case .array: return "a list"
        case .object: return "an object"
        }
    }

    /// The value under `key`, or nil when the key is absent.
    func lookup(_ key: String) throws(ReportDocumentError) -> JSONValue? {
        guard case .object(let pairs) = value else {
            throw ReportDocumentError(path: path, message: "expected an object, found \(Self.kind(value))")
        }
        return pairs.first { $0.0 == key }?.1
    }

    func object(_ key: String) throws(ReportDocumentError) -> DocumentReader {
        guard let v = try lookup(key) else { throw missing(key, "an object") }
        guard case .object = v else { throw wrong(key, v, "an object") }
        return DocumentReader(v, path: childPath(key))
    }

    func optionalObject(_ key: String) throws(ReportDocumentError) -> DocumentReader? {
        guard let v = try lookup(key), v != .null else { return nil }
        guard case .object = v else { throw wrong(key, v, "an object") }
        return DocumentReader(v, path: childPath(key))
    }

    /// The items of a list; an absent key reads as an empty list only when `required` is false.
    func array(_ key: String, required: Bool = true) throws(ReportDocumentError) -> [DocumentReader] {
        guard let v = try lookup(key), v != .null else {
            if required { throw missing(key, "a list") }
            return []
        }
        guard case .array(let items) = v else { throw wrong(key, v, "a list") }
        let base = childPath(key)
        return items.enumerated().map { DocumentReader($0.element, path: "\(base)[\($0.offset)]") }
    }

    func string(_ key: String) throws(ReportDocumentError) -> String {
        guard let v = try lookup(key) else { throw missing(key, "a text") }
        guard case .string(let s) = v else { throw wrong(key, v, "a text") }
        return s
    }

    func optionalString(_ key: String) throws(ReportDocumentError) -> String? {
        guard let v = try lookup(key), v != .null else { return nil }
        guard case .string(let s) = v else { throw wrong(key, v, "a text or null") }
        return s
    }

    func number(_ key: String) throws(ReportDocumentError) -> Double {
        guard let v = try lookup(key) else { throw missing(key, "a number") }
        guard case .number(let n) = v else { throw wrong(key, v, "a number") }
        return n
    }

    func optionalNumber(_ key: String) throws(ReportDocumentError) -> Double? {
        guard let v = try lookup(key), v != .null else { return nil }
        guard case .number(let n) = v else { throw wrong(key, v, "a number or null") }
        return n
    }

    /// A list of numbers where `null` stands for "none published".
    func optionalNumbers(_ key: String) throws(ReportDocumentError) -> [Double?] {
        try array(key, required: false).map { item throws(ReportDocumentError) in
            switch item.value {
            case .null: return nil
            case .number(let n): return n
            default: throw ReportDocumentError(path: item.path, message: "expected a number or null, found \(Self.kind(item.value))")
            }
        }
    }

    /// A `{zh, en}` object in the chosen language (the other language when one is empty).
    func localized(_ key: String, _ language: ReportLanguage) throws(ReportDocumentError) -> String {
        let o = try object(key)
        return LocalizedText(zh: try o.optionalString("zh") ?? "", en: try o.optionalString("en") ?? "").text(language)
    }

    private func missing(_ key: String, _ expected: String) -> ReportDocumentError {
        ReportDocumentError(path: childPath(key), message: "missing; expected \(expected)")
    }

    private func wrong(_ key: String, _ v: JSONValue, _ expected: String) -> ReportDocumentError {
        ReportDocumentError(path: childPath(key), message: "expected \(expected), found \(Self.kind(v))")
    }
}
