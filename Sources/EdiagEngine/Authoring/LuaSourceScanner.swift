/// A small scanner for Lua source text: names (with their dotted chains) and their lines, with
/// comments and strings skipped. Enough to find uses of removed or deprecated functions without
/// running the code.
struct LuaSourceScanner {
    /// A name as written, e.g. `table.getn`, with the line it starts on and whether it follows a
    /// `.` or `:` (then it is a field of something else, not a global).
    struct Name: Equatable {
        var text: String
        var line: Int
        var isField: Bool
    }

    /// Every name chain in `source`, in order.
    static func names(in source: String) -> [Name] {
        let chars = Array(source.unicodeScalars)
        var names: [Name] = []
        var i = 0, line = 1
        var previousSignificant: Unicode.Scalar = " "
        func isNameStart(_ c: Unicode.Scalar) -> Bool { c == "_" || (c.isASCII && c.properties.isAlphabetic) }
        func isNameChar(_ c: Unicode.Scalar) -> Bool { isNameStart(c) || ("0"..."9").contains(c) }
        /// Length of `[==[` opening at `j` (level + 2), or nil.
        func longBracket(at j: Int) -> Int? {
            guard j < chars.count, chars[j] == "[" else { return nil }
            var k = j + 1
            while k < chars.count, chars[k] == "=" { k += 1 }
            return k < chars.count && chars[k] == "[" ? k - j + 1 : nil
        }
        func skipLong(from j: Int, level: Int) -> Int {
            let close = "]" + String(repeating: "=", count: level) + "]"
            let closeScalars = Array(close.unicodeScalars)
            var k = j
            while k < chars.count {
                if chars[k] == "\n" { line += 1 }
                if chars[k] == "]", k + closeScalars.count <= chars.count, Array(chars[k..<k + closeScalars.count]) == closeScalars {
                    return k + closeScalars.count
                }
                k += 1
            }
            return k
        }
        while i < chars.count {
            let c = chars[i]
            if c == "\n" { line += 1; i += 1; continue }
            if c == "-", i + 1 < chars.count, chars[i + 1] == "-" {
                if let open = longBracket(at: i + 2) {
                    i = skipLong(from: i + 2 + open, level: open - 2)
                } else {
                    while i < chars.count, chars[i] != "\n" { i += 1 }
                }
                continue
            }
            if let open = longBracket(at: i) {
                i = skipLong(from: i + open, level: open - 2)
                previousSignificant = "s"
                continue
            }
            if c == "\"" || c == "'" {
                i += 1
                while i < chars.count, chars[i] != c, chars[i] != "\n" {
                    if chars[i] == "\\", i + 1 < chars.count { if chars[i + 1] == "\n" { line += 1 }; i += 1 }
                    i += 1
                }
                i += 1
                previousSignificant = "s"
                continue
            }
            if isNameStart(c) {
                let startLine = line
                let isField = previousSignificant == "." || previousSignificant == ":"
                var text = ""
                while i < chars.count {
                    while i < chars.count, isNameChar(chars[i]) { text.unicodeScalars.append(chars[i]); i += 1 }
                    // Continue the chain through `.name` (not `..`).
                    if i + 1 < chars.count, chars[i] == ".", chars[i + 1] != ".", isNameStart(chars[i + 1]) {
                        text += "."
                        i += 1
                    } else {
                        break
                    }
                }
                names.append(Name(text: text, line: startLine, isField: isField))
                previousSignificant = "n"
                continue
            }
            if c == ".", i + 1 < chars.count, chars[i + 1] == "." {
                previousSignificant = "~"  // concatenation, not a field access
                i += 2
                continue
            }
            if !c.properties.isWhitespace { previousSignificant = c }
            i += 1
        }
        return names
    }
}
