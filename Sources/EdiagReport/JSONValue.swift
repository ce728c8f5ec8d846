import EdiagModel

/// A JSON document with ordered keys and one number format, so that the same diagnosis always
/// serialises to the same bytes.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

    /// Numbers are rounded to 10 significant digits and written in their shortest form.
    public func serialized(pretty: Bool = true) -> String {
        String(decoding: serializedBytes(pretty: pretty), as: UTF8.self)
    }

    /// The UTF-8 bytes of `serialized(pretty:)`, without building a `String` on the way.
    public func serializedBytes(pretty: Bool = true) -> [UInt8] {
        var out = JSONByteWriter()
        write(into: &out, depth: pretty ? 0 : nil)
        return out.finish()
    }

    /// Writes this value at `depth` (`nil` for compact output, without line breaks).
    public func write(into out: inout JSONByteWriter, depth: Int?) {
        switch self {
        case .null: out.raw("null")
        case .bool(let b): out.raw(b ? "true" : "false")
        case .number(let n): out.number(n)
        case .string(let s): out.string(s)
        case .array(let items):
            if items.isEmpty { return out.raw("[]") }
            out.byte(UInt8(ascii: "["))
            let inner = depth.map { $0 + 1 }
            // Through the buffer, so that no element is copied (retained) on the way down.
            items.withUnsafeBufferPointer { elements in
                for i in elements.indices {
                    if i > 0 { out.byte(UInt8(ascii: ",")) }
                    if let inner { out.newline(depth: inner) }
                    elements[i].write(into: &out, depth: inner)
                }
            }
            if let depth { out.newline(depth: depth) }
            out.byte(UInt8(ascii: "]"))
        case .object(let pairs):
            if pairs.isEmpty { return out.raw("{}") }
            out.byte(UInt8(ascii: "{"))
            let inner = depth.map { $0 + 1 }
            pairs.withUnsafeBufferPointer { members in
                for i in members.indices {
                    if i > 0 { out.byte(UInt8(ascii: ",")) }
                    if let inner { out.newline(depth: inner) }
                    out.string(members[i].0)
                    out.colon(pretty: inner != nil)
                    members[i].1.write(into: &out, depth: inner)
                }
            }
            if let depth { out.newline(depth: depth) }
            out.byte(UInt8(ascii: "}"))
        }
    }
}

extension JSONValue {
    static func optional(_ d: Double?) -> JSONValue { d.map { .number($0) } ?? .null }
    static func optional(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
    static func localized(_ t: LocalizedText) -> JSONValue { .object([("zh", .string(t.zh)), ("en", .string(t.en))]) }
}
