import Mustache
import Foundation

/// How `{{value}}` is escaped in each report format; the renderer sets it by the template's file name
/// (`*.html.mustache`, `*.md.mustache`, `*.csv.mustache`), so an agency's template cannot forget it.
enum ReportContentType {
    /// Registers the Markdown and CSV escapers with swift-mustache (once per process).
    static let registered: Void = {
        MustacheContentTypes.register(MarkdownEscaping(), named: "EDIAG_MARKDOWN")
        MustacheContentTypes.register(CSVEscaping(), named: "EDIAG_CSV")
    }()

    /// The pragma that selects the escaping for a template file, or nil for partials (which inherit it).
    static func pragma(forTemplateNamed name: String) -> String? {
        if name.hasSuffix(".html.mustache") { return "{{% CONTENT_TYPE: HTML}}" }
        if name.hasSuffix(".md.mustache") { return "{{% CONTENT_TYPE: EDIAG_MARKDOWN}}" }
        if name.hasSuffix(".csv.mustache") { return "{{% CONTENT_TYPE: EDIAG_CSV}}" }
        return nil
    }
}

/// Markdown: text stays on one line and cannot open a table cell or an HTML tag.
struct MarkdownEscaping: MustacheContentType {
    func escapeText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "|": out += "\\|"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r\n", "\n", "\r": out += " "
            default: out.append(c)
            }
        }
        return out
    }
}

/// CSV (RFC 4180): each value is one field, quoted when it holds a comma, quote or line break.
struct CSVEscaping: MustacheContentType {
    func escapeText(_ text: String) -> String {
        CSVField.escape(text)
    }
}

/// RFC 4180 field quoting.
enum CSVField {
    static func escape(_ text: String) -> String {
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
