import Foundation
import Testing

@testable import EdiagModel

/// The project folder (three levels above this file).
private let projectRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// What the YAML path (Yams) makes of some bytes: the tree, or the error's text.
private func viaYams(_ data: Data, file: String = "p.json") -> Result<SourceValue, DocumentError> {
    guard let text = String(data: data, encoding: .utf8) else {
        return .failure(DocumentError(location: SourceLocation(file: file), message: "the file is not UTF-8 text"))
    }
    do throws(DocumentError) { return .success(try SourceDocument.parse(text, file: file)) } catch { return .failure(error) }
}

private func viaJSON(_ data: Data, file: String = "p.json") -> Result<SourceValue, DocumentError> {
    do throws(DocumentError) { return .success(try JSONSource.read(data, file: file)) } catch { return .failure(error) }
}

private func viaDocument(_ data: Data, file: String = "p.json") -> Result<SourceValue, DocumentError> {
    do throws(DocumentError) { return .success(try SourceDocument.parse(data, file: file)) } catch { return .failure(error) }
}

/// The same outcome: equal trees, or errors with the same text.
private func same(_ a: Result<SourceValue, DocumentError>, _ b: Result<SourceValue, DocumentError>) -> Bool {
    switch (a, b) {
    case let (.success(x), .success(y)): return x == y
    case let (.failure(x), .failure(y)): return x.description == y.description
    default: return false
    }
}

/// How a test writes a document as JSON: the layouts real writers use.
struct JSONLayout: CustomStringConvertible {
    var name: String
    var newline = "\n"
    var indent = "  "
    var colon = ": "
    var escapeNonASCII = false
    var escapeSlash = false

    static let all: [JSONLayout] = [
        JSONLayout(name: "compact", newline: "", indent: "", colon: ":"),
        JSONLayout(name: "pretty"),
        JSONLayout(name: "crlf-tabs", newline: "\r\n", indent: "\t", colon: " : "),
        JSONLayout(name: "cr-escaped", newline: "\r", indent: "    ", escapeNonASCII: true, escapeSlash: true),
    ]

    var description: String { name }

    func write(_ value: SourceValue) -> String {
        var out = ""
        write(value, depth: 0, into: &out)
        return out + newline
    }

    private func write(_ value: SourceValue, depth: Int, into out: inout String) {
        let pad = newline.isEmpty ? "" : newline + String(repeating: indent, count: depth + 1)
        let closePad = newline.isEmpty ? "" : newline + String(repeating: indent, count: depth)
        switch value {
        case .null:
            out += "null"
        case .scalar(let text, let quoted, _):
            if !quoted, text == "true" || text == "false" || isJSONNumber(text) { out += text } else { string(text, into: &out) }
        case .sequence(let items, _):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                out += (i == 0 ? "" : ",") + pad
                write(item, depth: depth + 1, into: &out)
            }
            out += closePad + "]"
        case .mapping(let pairs, _):
            guard !pairs.isEmpty else { out += "{}"; return }
            out += "{"
            for (i, pair) in pairs.enumerated() {
                out += (i == 0 ? "" : ",") + pad
                string(pair.key, into: &out)
                out += colon
                write(pair.value, depth: depth + 1, into: &out)
            }
            out += closePad + "}"
        }
    }

    private func isJSONNumber(_ text: String) -> Bool {
        text.wholeMatch(of: /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/) != nil
    }

    private func string(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "/" where escapeSlash: out += "\\/"
            case _ where scalar.value < 0x20 || (escapeNonASCII && scalar.value >= 0x80 && scalar.value < 0x10000):
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

@Suite struct JSONSourceTests {
    /// Documents covering every JSON construct, escape, line break and wide character read to the same
    /// values, scalar styles and line:column positions as through Yams.
    @Test(arguments: [
        #"{"a": 1, "b": [true, false, null, "x", -0.5e+10, 0, 1E3, 12.25, -0], "c": {}, "d": [], "e": {"f": {"g": "h"}}}"#,
        "{\"plant\":{\"id\":\"P1\",\"name\":\"中文 plant 😀\",\"sector\":\"cement\"},\"n\":[1,2,[3,[4]]],\"k\":\"v\"}",
        "{\r\n\t\"a\" :\t1 ,\r\n\t\"é\": \"ü\", \"b\": \"after wide\"\r\n}\r\n",
        "{\r\"a\": 1,\r\"b\": [\r2\r]\r}",
        "\u{FEFF}{\"bom\": true}",
        "  \n\n   [ {\"x\": \"y\"}, [], {}, \"s\" ]  \n \n",
        #"{"esc": "q\" b\\ s\/ \b\f\n\r\t \u00e9\u4E2D \u0000 \u0085\u2028", "null": "null", "": "", "t": "true"}"#,
        "{\"中\": {\"文\": \"😀😀\", \"x\": [\"😀\", 1]}, \"y\": 2}",
        "[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]",
        "{\"long\": \"" + String(repeating: "汉", count: 3000) + "\", \"after\": 1}",
        "[\"" + String(repeating: "x", count: 2000) + "\", 1, {\"k\": \"" + String(repeating: "y", count: 2000) + "\"}]",
        "{\"a\":\n  1, \"b\":\r\n[\n]\n, \"c\"  :  {  }  }",
        "{}",
    ])
    func sameTreeAsYams(_ text: String) throws {
        let data = Data(text.utf8)
        #expect(JSONSource.looksLikeJSON(data))
        let json = viaJSON(data), yams = viaYams(data)
        #expect(same(json, yams), "JSON reader: \(json)\nYams: \(yams)")
        if case .failure(let error) = json { Issue.record("the JSON reader refused a document Yams reads: \(error)") }
    }

    /// Every example plant and fuzz seed, written as JSON in four layouts (compact; pretty; CRLF with
    /// tabs; lone CR with escaped non-ASCII and slashes), reads the same through both readers.
    @Test(arguments: JSONLayout.all)
    func examplesAndFuzzSeedsReadTheSame(layout: JSONLayout) throws {
        var paths: [String] = []
        for folder in ["examples/plants", "Fuzz/corpus/profile"] {
            let dir = projectRoot + "/" + folder
            paths += try FileManager.default.contentsOfDirectory(atPath: dir).sorted().map { dir + "/" + $0 }
        }
        #expect(paths.count >= 20)
        for path in paths {
            let original = try Data(contentsOf: URL(fileURLWithPath: path))
            if path.hasSuffix(".json") {
                #expect(same(viaJSON(original), viaYams(original)), "\(path)")
                #expect(same(viaDocument(original), viaYams(original)), "\(path)")
            }
            guard case .success(let document) = viaYams(original, file: path) else { continue }
            let data = Data(layout.write(document).utf8)
            let json = viaJSON(data)
            #expect(same(json, viaYams(data)), "\(path) as \(layout)")
            if case .failure(let error) = json { Issue.record("\(path) as \(layout): \(error)") }
        }
    }

    /// Valid JSON that libyaml reads differently or refuses, YAML flow style and malformed JSON are left
    /// to Yams: `SourceDocument` gives exactly the old outcome, value or error.
    @Test(arguments: [
        #"{"a": 1, "a": 2}"#,
        #"{"k": {"x": 1, "y": 2, "x": 3}}"#,
        "{a: 1, b: [x, y]}",
        #"{"a": 1,}"#,
        #"{"a": 1} # a comment"#,
        "\t{\"a\": 1}",
        "{\"a\": 1}\n\t\n",
        String(repeating: "[", count: 70) + String(repeating: "]", count: 70),
        "{\"a\": \"x\u{2028}y\"}",
        "{\"a\": \"x\u{85}y\"}",
        "{\"a\": \"x\u{7F}y\"}",
        #"{"a": "\ud800"}"#,
        "{'a': 1}",
        #"{"a": 01}"#,
        #"{"a": [1, 2"#,
        "{\"a\"\n: 1}",
        "{\"" + String(repeating: "k", count: 1100) + "\": 1}",
        #"{"a": .5, "b": +1, "c": 1.}"#,
        #"{"a": "b" "c": 1}"#,
        "[1, 2]\n[3]",
        "{\"a\": \"tab\there\"}",
    ])
    func refusedDocumentsKeepTheYAMLOutcome(_ text: String) {
        let data = Data(text.utf8)
        #expect(same(viaDocument(data), viaYams(data)), "\(viaDocument(data))\nYams: \(viaYams(data))")
        if case .success = viaJSON(data) { Issue.record("the JSON reader should leave this to Yams: \(text)") }
    }

    /// Bytes that are not UTF-8 give the old message, whichever reader sees them.
    @Test func invalidUTF8IsTheOldError() throws {
        for bytes: [UInt8] in [[0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D], [0x7B, 0x22, 0xC0, 0xAF, 0x22, 0x3A, 0x31, 0x7D],
                               [0x5B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x5D], [0x5B, 0x22, 0xE4, 0xB8]] {
            let data = Data(bytes)
            let error = try #require(throws: DocumentError.self) { try SourceDocument.parse(data, file: "p.json") }
            #expect(error.description == "p.json: the file is not UTF-8 text")
            #expect(throws: DocumentError.self) { try JSONSource.read(data, file: "p.json") }
        }
    }

    /// Malformed JSON is reported at its line and column, saying what was expected and what was found.
    @Test(arguments: [
        ("{\"a\": 1,\n  \"b\" 2}", "p.json:2:7: expected ':' after the key \"b\", found '2'"),
        ("{\"a\": 1\n  \"b\": 2}", "p.json:2:3: expected ',' or '}' after the value of \"a\", found '\"'"),
        ("[1, 2", "p.json:1:6: expected ',' or ']' in the array, found the end of the file"),
        ("[1 2]", "p.json:1:4: expected ',' or ']' after an array item, found '2'"),
        ("{\"a\": tru}", "p.json:1:7: expected 'true', found 't'"),
        ("{\"a\": 01}", "p.json:1:8: expected no leading zero in the number, found '1'"),
        ("{\"a\": 1.}", "p.json:1:9: expected a digit after the decimal point, found '}'"),
        ("{\"a\": 1e}", "p.json:1:9: expected a digit in the exponent, found '}'"),
        ("{\"a\": -}", "p.json:1:8: expected a digit in the number, found '}'"),
        ("{\"a\": \"x", "p.json:1:9: expected '\"' to end the string, found the end of the file"),
        ("{\"a\": \"x\ty\"}", "p.json:1:9: expected '\"' to end the string; control characters must be escaped, found a tab"),
        ("{\"a\": \"\\x\"}", "p.json:1:9: expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX, found 'x'"),
        ("{\"a\": \"\\u12G4\"}", "p.json:1:12: expected four hexadecimal digits after '\\u', found 'G'"),
        ("{\"a\": \"\\udc00\"}", "p.json:1:14: expected a high surrogate before a low surrogate escape"),
        ("{\"a\": \"\\ud800x\"}", "p.json:1:14: expected '\\u' and a low surrogate after a high surrogate escape, found 'x'"),
        ("{\"中文\": 'x'}", "p.json:1:8: expected a value (an object, array, string, number, true, false or null), found '''"),
        ("{a: 1}", "p.json:1:2: expected a key in double quotes, found 'a'"),
        ("{\"a\": 1,}", "p.json:1:9: expected a key in double quotes, found '}'"),
        ("{\"a\": 1} x", "p.json:1:10: expected the end of the document after the top-level value, found 'x'"),
        ("  ", "p.json:1:3: the document is empty"),
        ("{\"a\": 1,\n \"b\": 2, \"a\": 3}", "p.json:2:10: the key \"a\" is given twice (first at line 1, column 2)"),
        ("\t[]", "p.json:1:1: expected no tab outside the top-level value"),
        ("{\"a\": \"x\u{2028}\"}", "p.json:1:9: the character U+2028 must be escaped in a string"),
        (String(repeating: "[", count: 66), "p.json:1:66: values are nested more than 64 levels deep"),
    ])
    func malformedJSONIsLocated(_ text: String, _ message: String) {
        #expect(throws: DocumentError.self) { try JSONSource.read(Data(text.utf8), file: "p.json") }
        if case .failure(let error) = viaJSON(Data(text.utf8)) { #expect(error.description == message) }
    }

    /// Surrogate-pair escapes (RFC 8259 §7) are decoded; libyaml refused every escaped surrogate, so
    /// this is the one document the YAML path did not read.
    @Test func surrogatePairsAreDecoded() throws {
        let data = Data(#"{"name": "\ud83d\ude00 \uD840\uDC0B"}"#.utf8)
        let value = try JSONSource.read(data, file: "p.json")
        guard case .mapping(let pairs, _) = value, case .scalar(let text, true, _) = pairs.first?.value else {
            Issue.record("expected a mapping with a string, got \(value)")
            return
        }
        #expect(text == "😀 𠀋")
        #expect(throws: DocumentError.self) { try SourceDocument.parse(String(decoding: data, as: UTF8.self), file: "p.json") }
        #expect(try SourceDocument.parse(data, file: "p.json") == value)
    }

    /// More values than `SourceDocument.maxValues` are refused at the first one too many.
    @Test func valueBudgetIsKept() throws {
        let text = "[" + Array(repeating: "0", count: SourceDocument.maxValues).joined(separator: ",") + "]"
        let error = try #require(throws: DocumentError.self) { try JSONSource.read(Data(text.utf8), file: "p.json") }
        #expect(error.location.column == 2 * SourceDocument.maxValues)
    }

    /// Only documents opening with '{' or '[' go to the JSON reader; YAML stays on Yams.
    @Test func onlyJSONLookingDocumentsGoToTheJSONReader() {
        #expect(JSONSource.looksLikeJSON(Data(" \r\n\t{".utf8)))
        #expect(JSONSource.looksLikeJSON(Data("\u{FEFF}[1]".utf8)))
        #expect(!JSONSource.looksLikeJSON(Data("plant: {id: P1}".utf8)))
        #expect(!JSONSource.looksLikeJSON(Data("# {\n".utf8)))
        #expect(!JSONSource.looksLikeJSON(Data("".utf8)))
        #expect(!JSONSource.looksLikeJSON(Data("\"a\"".utf8)))
    }
}
