import EdiagModel
public import Foundation

/// Writes CSV that Excel opens correctly with Chinese text: UTF-8 with a byte-order mark, RFC 4180
/// quoting, CRLF line ends.
///
/// A field is quoted when it holds a comma, a quote, a line break or leading or trailing spaces;
/// quotes inside are doubled. A text field starting with `=`, `+`, `-` or `@` gets a leading `'`
/// so that a spreadsheet does not run it as a formula; numbers are written as they are.
public enum CSVTable {
    /// The UTF-8 byte-order mark that tells Excel the encoding.
    public static let byteOrderMark = Data([0xEF, 0xBB, 0xBF])

    /// A cell: text, or a number in the one number format (empty when absent).
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double?)
    }

    /// One line, with its CRLF.
    public static func line(_ cells: [Cell]) -> String {
        cells.map(field).joined(separator: ",") + "\r\n"
    }

    /// A header line.
    public static func header(_ names: [String]) -> String { line(names.map { .text($0) }) }

    static func field(_ cell: Cell) -> String {
        switch cell {
        case .number(let n):
            guard let n, n.isFinite else { return "" }
            return NumberFormat.plain(NumberFormat.significant(n, digits: 10))
        case .text(var s):
            if let first = s.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) { s = "'" + s }
            let needsQuotes = s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                || s.hasPrefix(" ") || s.hasSuffix(" ")
            return needsQuotes ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
    }
}
