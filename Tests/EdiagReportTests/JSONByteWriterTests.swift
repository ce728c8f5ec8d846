import EdiagReport
import Testing

struct JSONByteWriterTests {
    /// Quotes, backslashes and control characters are escaped; non-ASCII text, U+2028 and U+2029
    /// pass through as their UTF-8 bytes.
    @Test func escapesOnlyWhatJSONRequires() {
        let cases: [(String, String)] = [
            ("plain", #""plain""#),
            ("", #""""#),
            ("say \"hi\"", #""say \"hi\"""#),
            ("C:\\plants\\a.yaml", #""C:\\plants\\a.yaml""#),
            ("a\nb\rc\td", #""a\nb\rc\td""#),
            ("\u{0}\u{1}\u{8}\u{b}\u{c}\u{1f}", #""\u0000\u0001\u0008\u000b\u000c\u001f""#),
            ("\u{7f}", "\"\u{7f}\""),
            ("滇中某水泥有限公司 #1 — 93.4%", "\"滇中某水泥有限公司 #1 — 93.4%\""),
            ("line\u{2028}separator\u{2029}", "\"line\u{2028}separator\u{2029}\""),
            ("emoji 🏭 and é", "\"emoji 🏭 and é\""),
            // Long enough for the eight-byte scan, with the special byte in every position of a word.
            ("0123456789abcdef\"", #""0123456789abcdef\"""#),
            ("01234567\\9abcdef", #""01234567\\9abcdef""#),
            ("0123456789abcde\u{1}", #""0123456789abcde\u0001""#),
            ("一二三四五六七八\n", "\"一二三四五六七八\\n\""),
            ("\u{1f}0123456789abcdefghij", #""\u001f0123456789abcdefghij""#),
        ]
        for (text, expected) in cases {
            #expect(JSONValue.string(text).serialized() == expected)
            #expect(JSONValue.object([(text, .null)]).serialized(pretty: false) == "{\(expected):null}")
        }
        let escapes = ["\"": #"\""#, "\\": #"\\"#, "\u{0}": #"\u0000"#, "\u{1f}": #"\u001f"#, "\n": #"\n"#]
        // Every length through three words, the special byte at every position of it.
        for length in 1...24 {
            let plain = String(repeating: "x", count: length)
            #expect(JSONValue.string(plain).serialized() == "\"" + plain + "\"")
            for position in 0..<length {
                for (special, escaped) in escapes {
                    let before = String(repeating: "x", count: position), after = String(repeating: "y", count: length - 1 - position)
                    #expect(JSONValue.string(before + special + after).serialized() == "\"" + before + escaped + after + "\"")
                }
            }
        }
    }

    /// Pretty output indents by two spaces per level (deeper than the ready run of spaces too), writes
    /// empty containers as `[]` and `{}`, and compact output has no whitespace at all.
    @Test func layoutIsPrettyOrCompact() {
        let value = JSONValue.object([
            ("a", .array([.number(1), .number(-0.0), .bool(true), .bool(false), .null])),
            ("empty", .array([])), ("none", .object([])), ("nan", .number(.nan)), ("inf", .number(-.infinity)),
            ("n", .number(0.1 + 0.2)), ("big", .number(1e15)), ("small", .number(1.23456789012e-7)),
        ])
        #expect(value.serialized(pretty: false)
            == #"{"a":[1,0,true,false,null],"empty":[],"none":{},"nan":null,"inf":null,"n":0.3,"big":1000000000000000.0,"small":1.23456789e-07}"#)
        #expect(value.serialized() == """
            {
              "a": [
                1,
                0,
                true,
                false,
                null
              ],
              "empty": [],
              "none": {},
              "nan": null,
              "inf": null,
              "n": 0.3,
              "big": 1000000000000000.0,
              "small": 1.23456789e-07
            }
            """)
        var deep = JSONValue.number(7)
        for _ in 0..<40 { deep = .array([deep]) }
        let lines = deep.serialized().split(separator: "\n")
        #expect(lines.count == 81)
        #expect(lines[40] == Substring(String(repeating: " ", count: 80) + "7"))
    }

    /// The writer grows its buffer as needed: a document far larger than its first capacity comes out whole.
    @Test func largeDocumentsGrowTheBuffer() {
        let text = String(repeating: "能效", count: 5_000)
        let value = JSONValue.array(Array(repeating: .string(text), count: 20))
        let bytes = value.serializedBytes(pretty: false)
        #expect(bytes.count == 20 * (text.utf8.count + 2) + 19 + 2)
        #expect(String(decoding: bytes, as: UTF8.self) == "[" + Array(repeating: "\"\(text)\"", count: 20).joined(separator: ",") + "]")
    }
}
