/// Recursive-descent parser for unit expressions:
/// `expr := term (('/' | '*' | '·') term)*`, `term := factor ('^' integer)?`,
/// `factor := '(' expr ')' | '10^n' | number | name`. A space between two names multiplies.
struct UnitParser {
    struct Parsed {
        var dimension: Dimension
        var scale: Double
        var offset: Double
    }

    let text: String
    private let chars: [Character]
    private var position = 0
    /// Parentheses open at `position`; the parser recurses once per level, so a hand-typed or hostile
    /// unit of 100 000 '(' would overflow the stack.
    private var depth = 0
    static let maxDepth = 16

    init(text: String) {
        self.text = text
        self.chars = Array(text)
    }

    mutating func parseWhole() throws(UnitError) -> Parsed {
        skipSpaces()
        guard position < chars.count else { throw .malformed(text, reason: "empty unit") }
        let result = try parseExpression()
        skipSpaces()
        guard position == chars.count else {
            throw .malformed(text, reason: "unexpected '\(String(chars[position...]))'")
        }
        return result
    }

    private mutating func skipSpaces() {
        while position < chars.count, chars[position] == " " { position += 1 }
    }

    private mutating func parseExpression() throws(UnitError) -> Parsed {
        var result = try parseTerm()
        while true {
            skipSpaces()
            guard position < chars.count else { break }
            let c = chars[position]
            if c == "/" {
                position += 1
                let rhs = try parseTerm()
                result = Parsed(dimension: result.dimension / rhs.dimension, scale: result.scale / rhs.scale, offset: 0)
            } else if c == "*" || c == "·" || c == "×" {
                position += 1
                let rhs = try parseTerm()
                result = Parsed(dimension: result.dimension * rhs.dimension, scale: result.scale * rhs.scale, offset: 0)
            } else if c == ")" {
                break
            } else {
                let rhs = try parseTerm()
                result = Parsed(dimension: result.dimension * rhs.dimension, scale: result.scale * rhs.scale, offset: 0)
            }
        }
        return result
    }

    private mutating func parseTerm() throws(UnitError) -> Parsed {
        var factor = try parseFactor()
        skipSpaces()
        if position < chars.count, chars[position] == "^" {
            position += 1
            let exponent = try parseInteger()
            factor = Parsed(dimension: factor.dimension.power(exponent), scale: pow10(factor.scale, exponent), offset: 0)
        }
        return factor
    }

    private func pow10(_ base: Double, _ exponent: Int) -> Double {
        var r = 1.0
        for _ in 0..<abs(exponent) { r *= base }
        return exponent < 0 ? 1 / r : r
    }

    private mutating func parseInteger() throws(UnitError) -> Int {
        var sign = 1
        if position < chars.count, chars[position] == "-" { sign = -1; position += 1 }
        let start = position
        while position < chars.count, chars[position].isASCII, chars[position].isNumber { position += 1 }
        guard position > start, let n = Int(String(chars[start..<position])) else {
            throw .malformed(text, reason: "expected an integer exponent")
        }
        return n * sign
    }

    private mutating func parseFactor() throws(UnitError) -> Parsed {
        skipSpaces()
        guard position < chars.count else { throw .malformed(text, reason: "a unit is missing after an operator") }
        let c = chars[position]
        if c == "(" {
            guard depth < Self.maxDepth else {
                throw .malformed(text, reason: "parentheses nested more than \(Self.maxDepth) deep")
            }
            position += 1
            depth += 1
            defer { depth -= 1 }
            let inner = try parseExpression()
            skipSpaces()
            guard position < chars.count, chars[position] == ")" else {
                throw .malformed(text, reason: "missing ')'")
            }
            position += 1
            return inner
        }
        if c.isASCII, c.isNumber {
            let start = position
            while position < chars.count, chars[position].isASCII, chars[position].isNumber || chars[position] == "." {
                position += 1
            }
            guard let value = Double(String(chars[start..<position])) else {
                throw .malformed(text, reason: "bad number")
            }
            if value == 1 && (position >= chars.count || chars[position] == " " || chars[position] == ")" || chars[position] == "/") {
                return Parsed(dimension: .none, scale: 1, offset: 0)
            }
            return Parsed(dimension: .none, scale: value, offset: 0)
        }
        let start = position
        while position < chars.count {
            let ch = chars[position]
            if ch == " " || ch == "/" || ch == "*" || ch == "·" || ch == "×" || ch == "^" || ch == "(" || ch == ")" { break }
            position += 1
        }
        var name = String(chars[start..<position])
        var exponent = 1
        if let last = name.last, let superscript = ["²": 2, "³": 3][last], UnitCatalog.entries[name] == nil {
            name.removeLast()
            exponent = superscript
        }
        guard let entry = UnitCatalog.entries[name] else {
            throw .unknownUnit(name, in: text.trimmingWhitespace())
        }
        if exponent != 1 {
            return Parsed(dimension: entry.dimension.power(exponent), scale: pow10(entry.scale, exponent), offset: 0)
        }
        return Parsed(dimension: entry.dimension, scale: entry.scale, offset: entry.offset)
    }
}
