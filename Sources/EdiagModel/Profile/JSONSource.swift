public import Foundation

/// Reads strict JSON (RFC 8259) straight into a `SourceValue` tree, with the line and column that the
/// YAML path (Yams, libyaml) reports for every value and key.
///
/// Why it exists: profiles arrive as JSON in batches and benchmarks, and reading them through Yams cost
/// ≈ 5 M instructions per 5 KB plant (libyaml events, a Yams node tree, then the conversion to
/// `SourceValue`). The packaged JSON readers (`JSONSerialization`, `JSONDecoder`) cannot replace it: they
/// drop key order, duplicate keys and positions, which the profile's error messages need.
///
/// It reads only what the YAML path reads the same way. Anything it refuses is a `DocumentError` with the
/// file, line and column and what was expected: malformed JSON, and also valid JSON that libyaml would
/// read differently or refuse — duplicate keys, nesting deeper than `SourceDocument` keeps
/// (`maxDepth`), more values than `SourceDocument.maxValues`, characters YAML does not allow in a
/// document (C0/C1 controls, U+FEFF, U+FFFE/U+FFFF) or reads as line breaks (U+0085, U+2028, U+2029),
/// keys too long for a YAML "simple key", tabs outside the top-level value. `SourceDocument` then reads
/// the file through Yams, so the accepted documents, the values and the messages stay those of the
/// YAML path. The one deliberate difference: `\uD83D\uDE00`-style surrogate pairs are decoded (RFC 8259
/// §7) where libyaml refused every escaped surrogate.
///
/// Positions follow libyaml: lines and columns from 1, columns counted in Unicode scalars, `\r\n` and a
/// lone `\r` each one line break, a leading byte-order mark not counted.
public struct JSONSource {
    /// Values nested deeper than this (the top-level value is at depth 0) are left to the YAML path,
    /// which turns them into nulls.
    public static let maxDepth = 64
    /// A key and its `:` must lie on one line and closer than this (in characters), as for libyaml's
    /// simple keys (1,024, with a margin).
    static let maxKeySpan = 1_000

    private let bytes: UnsafeBufferPointer<UInt8>
    private let file: String
    private var position = 0
    private var line = 1
    /// Byte offset where the current line starts.
    private var lineStart = 0
    /// UTF-8 continuation bytes on the current line before `position` (columns count scalars).
    private var lineContinuationBytes = 0
    private var budget = SourceDocument.maxValues

    private init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// Whether the bytes look like JSON: the first character after white space (and a byte-order mark)
    /// opens an object or an array.
    public static func looksLikeJSON(_ data: Data) -> Bool {
        var index = data.startIndex
        if data.count >= 3, data[index] == 0xEF, data[index + 1] == 0xBB, data[index + 2] == 0xBF { index += 3 }
        while index < data.endIndex {
            switch data[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            case UInt8(ascii: "{"), UInt8(ascii: "["): return true
            default: return false
            }
        }
        return false
    }

    /// Reads a whole JSON document.
    /// - Throws: `DocumentError` naming the file, line and column and what was expected, for malformed
    ///   JSON and for the documents this reader leaves to the YAML path (see the type's discussion).
    public static func read(_ data: Data, file: String) throws(DocumentError) -> SourceValue {
        let result: Result<SourceValue, DocumentError> = data.withUnsafeBytes { raw in
            var reader = JSONSource(bytes: raw.bindMemory(to: UInt8.self), file: file)
            do throws(DocumentError) {
                return .success(try reader.document())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    // MARK: - Structure

    private mutating func document() throws(DocumentError) -> SourceValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            position = 3
            lineStart = 3
        }
        try skipWhitespace(tabsAllowed: false)
        guard position < bytes.count else { throw failure("the document is empty") }
        let root = try value(depth: 0)
        try skipWhitespace(tabsAllowed: false)
        guard position == bytes.count else {
            throw failure("expected the end of the document after the top-level value, found \(found())")
        }
        return root
    }

    private mutating func value(depth: Int) throws(DocumentError) -> SourceValue {
        let location = here()
        guard depth <= Self.maxDepth else {
            throw DocumentError(location: location, message: "values are nested more than \(Self.maxDepth) levels deep")
        }
        budget -= 1
        guard budget >= 0 else {
            throw DocumentError(location: location, message: "the document holds more than \(SourceDocument.maxValues) values")
        }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object(at: location, depth: depth)
        case UInt8(ascii: "["): return try array(at: location, depth: depth)
        case UInt8(ascii: "\""): return .scalar(try string(), isQuoted: true, location)
        case UInt8(ascii: "t"): try literal("true"); return .scalar("true", isQuoted: false, location)
        case UInt8(ascii: "f"): try literal("false"); return .scalar("false", isQuoted: false, location)
        case UInt8(ascii: "n"): try literal("null"); return .null(location)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .scalar(try number(), isQuoted: false, location)
        default: throw failure("expected a value (an object, array, string, number, true, false or null), found \(found())")
        }
    }

    private mutating func object(at location: SourceLocation, depth: Int) throws(DocumentError) -> SourceValue {
        position += 1
        var pairs: [(key: String, keyLocation: SourceLocation, value: SourceValue)] = []
        var index: [String: Int] = [:]
        try skipWhitespace(tabsAllowed: true)
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .mapping(pairs, location)
        }
        while true {
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw failure("expected a key in double quotes, found \(found())")
            }
            let keyLocation = here()
            let key = try string()
            try skipWhitespace(tabsAllowed: true)
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw failure("expected ':' after the key \"\(key)\", found \(found())")
            }
            let colon = here()
            guard colon.line == keyLocation.line, colon.column! - keyLocation.column! < Self.maxKeySpan else {
                throw DocumentError(location: keyLocation, message: "the key and its ':' must lie on one line, "
                                    + "within \(Self.maxKeySpan) characters")
            }
            if let first = firstLocation(of: key, in: pairs, index: &index) {
                throw DocumentError(location: keyLocation, message: "the key \"\(key)\" is given twice "
                                    + "(first at line \(first.line!), column \(first.column!))")
            }
            position += 1
            try skipWhitespace(tabsAllowed: true)
            guard position < bytes.count else { throw failure("expected a value after \"\(key)\":, found \(found())") }
            pairs.append((key, keyLocation, try value(depth: depth + 1)))
            try skipWhitespace(tabsAllowed: true)
            guard position < bytes.count else { throw failure("expected ',' or '}' in the object, found \(found())") }
            switch bytes[position] {
            case UInt8(ascii: ","):
                position += 1
                try skipWhitespace(tabsAllowed: true)
            case UInt8(ascii: "}"):
                position += 1
                return .mapping(pairs, location)
            default:
                throw failure("expected ',' or '}' after the value of \"\(key)\", found \(found())")
            }
        }
    }

    /// Where `key` was given before in this object, if it was. Keys compare as Swift strings do
    /// (canonical equivalence), like Yams' duplicate check; a dictionary takes over for large objects.
    private func firstLocation(of key: String, in pairs: [(key: String, keyLocation: SourceLocation, value: SourceValue)],
                               index: inout [String: Int]) -> SourceLocation? {
        let linearLimit = 16
        if pairs.count < linearLimit {
            return pairs.first { $0.key == key }?.keyLocation
        }
        if index.isEmpty {
            for (i, pair) in pairs.enumerated() where index[pair.key] == nil { index[pair.key] = i }
        }
        if let i = index[key] { return pairs[i].keyLocation }
        index[key] = pairs.count
        return nil
    }

    private mutating func array(at location: SourceLocation, depth: Int) throws(DocumentError) -> SourceValue {
        position += 1
        var items: [SourceValue] = []
        try skipWhitespace(tabsAllowed: true)
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .sequence(items, location)
        }
        while true {
            guard position < bytes.count else { throw failure("expected a value in the array, found \(found())") }
            items.append(try value(depth: depth + 1))
            try skipWhitespace(tabsAllowed: true)
            guard position < bytes.count else { throw failure("expected ',' or ']' in the array, found \(found())") }
            switch bytes[position] {
            case UInt8(ascii: ","):
                position += 1
                try skipWhitespace(tabsAllowed: true)
            case UInt8(ascii: "]"):
                position += 1
                return .sequence(items, location)
            default:
                throw failure("expected ',' or ']' after an array item, found \(found())")
            }
        }
    }

    // MARK: - Scalars

    private mutating func literal(_ word: StaticString) throws(DocumentError) {
        let count = word.utf8CodeUnitCount
        let start = word.utf8Start
        for i in 0..<count where position + i >= bytes.count || bytes[position + i] != start[i] {
            throw failure("expected '\(word)', found \(found())")
        }
        position += count
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as written.
    private mutating func number() throws(DocumentError) -> String {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else { throw failure("expected a digit in the number, found \(found())") }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, isDigit(bytes[position]) {
                throw failure("expected no leading zero in the number, found \(found())")
            }
        } else {
            skipDigits()
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw failure("expected a digit after the decimal point, found \(found())")
            }
            skipDigits()
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw failure("expected a digit in the exponent, found \(found())")
            }
            skipDigits()
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    private mutating func skipDigits() {
        while position < bytes.count, isDigit(bytes[position]) { position += 1 }
    }

    /// A string starting at `position` (on its opening quote). Plain runs are taken as they are; only
    /// escapes make a copy.
    private mutating func string() throws(DocumentError) -> String {
        position += 1
        let start = position
        var escaped: [UInt8]?
        var runStart = start
        while true {
            guard position < bytes.count else { throw failure("expected '\"' to end the string, found the end of the file") }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                break
            } else if byte == UInt8(ascii: "\\") {
                if escaped == nil { escaped = [] }
                escaped!.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
                try escape(into: &escaped!)
                runStart = position
            } else if byte < 0x20 || byte == 0x7F {
                throw failure("expected '\"' to end the string; control characters must be escaped, found \(found())")
            } else if byte < 0x80 {
                position += 1
            } else {
                try multibyte()
            }
        }
        defer { position += 1 }
        guard var escaped else {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        }
        escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
        return String(decoding: escaped, as: UTF8.self)
    }

    private mutating func escape(into out: inout [UInt8]) throws(DocumentError) {
        position += 1
        guard position < bytes.count else { throw failure("expected an escape after '\\', found the end of the file") }
        let letter = bytes[position]
        position += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(letter)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4()
            if (0xD800..<0xDC00).contains(scalar) {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                    throw failure("expected '\\u' and a low surrogate after a high surrogate escape, found \(found())")
                }
                position += 2
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low) else {
                    throw failure("expected a low surrogate (\\uDC00-\\uDFFF) after a high surrogate escape")
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(scalar) {
                throw failure("expected a high surrogate before a low surrogate escape")
            }
            appendUTF8(Unicode.Scalar(scalar)!, to: &out)
        default:
            position -= 1
            throw failure("expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX, found \(found())")
        }
    }

    private mutating func hex4() throws(DocumentError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < bytes.count else { throw failure("expected four hexadecimal digits after '\\u', found the end of the file") }
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("expected four hexadecimal digits after '\\u', found \(found())")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    private func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        UTF8.encode(scalar) { out.append($0) }
    }

    /// Checks one multi-byte UTF-8 sequence inside a string and steps over it.
    private mutating func multibyte() throws(DocumentError) {
        let lead = bytes[position]
        let length: Int
        var scalar: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; scalar = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; scalar = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; scalar = UInt32(lead & 0x07)
        default: throw failure("the file is not UTF-8 text")
        }
        guard position + length <= bytes.count else { throw failure("the file is not UTF-8 text") }
        for i in 1..<length {
            let byte = bytes[position + i]
            guard byte & 0xC0 == 0x80 else { throw failure("the file is not UTF-8 text") }
            scalar = scalar << 6 | UInt32(byte & 0x3F)
        }
        let shortest: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard scalar >= shortest, scalar <= 0x10FFFF, !(0xD800..<0xE000).contains(scalar) else {
            throw failure("the file is not UTF-8 text")
        }
        // libyaml refuses C1 controls and U+FFFE/U+FFFF, and folds U+0085, U+2028 and U+2029 as line breaks.
        if (0x80..<0xA0).contains(scalar) || scalar == 0x2028 || scalar == 0x2029 || scalar == 0xFEFF
            || scalar == 0xFFFE || scalar == 0xFFFF {
            throw failure("the character U+\(String(scalar, radix: 16, uppercase: true)) must be escaped in a string")
        }
        position += length
        lineContinuationBytes += length - 1
    }

    // MARK: - Positions

    private mutating func skipWhitespace(tabsAllowed: Bool) throws(DocumentError) {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20:
                position += 1
            case 0x0A:
                position += 1
                newLine()
            case 0x0D:
                position += 1
                if position < bytes.count, bytes[position] == 0x0A { position += 1 }
                newLine()
            case 0x09:
                guard tabsAllowed else { throw failure("expected no tab outside the top-level value") }
                position += 1
            default:
                return
            }
        }
    }

    private mutating func newLine() {
        line += 1
        lineStart = position
        lineContinuationBytes = 0
    }

    private func here() -> SourceLocation {
        SourceLocation(file: file, line: line, column: position - lineStart - lineContinuationBytes + 1)
    }

    private func failure(_ message: String) -> DocumentError {
        DocumentError(location: here(), message: message)
    }

    /// What stands at `position`, for messages.
    private func found() -> String {
        guard position < bytes.count else { return "the end of the file" }
        let byte = bytes[position]
        switch byte {
        case 0x09: return "a tab"
        case 0x0A, 0x0D: return "a line break"
        case 0x20...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
        default: return "the byte 0x\(String(byte, radix: 16, uppercase: true))"
        }
    }
}
