import EdiagModel
import EdiagReport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The stored documents the report tests render (`Fixtures/`).
enum ReportFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    /// A hand-written diagnosis with HTML special characters, Chinese text, a null threshold, a "higher is
    /// better" indicator, an outdated item, two measures, a data-quality finding and undetermined rules.
    static func diagnosis() throws -> JSONValue { try JSONValue.load(path: directory + "/diagnosis.json") }

    /// A portfolio document shaped as `ediag batch` writes it (`ediag/portfolio@1`).
    static func portfolio() throws -> JSONValue { try JSONValue.load(path: directory + "/portfolio.json") }

    /// A fresh empty folder under the temporary directory.
    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "ediag-report-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}

/// Checks that every `<svg>…</svg>` in a page is well-formed XML, with Foundation's parser.
enum SVGCheck {
    static func charts(in page: String) -> [String] {
        var out: [String] = []
        var rest = Substring(page)
        while let start = rest.range(of: "<svg"), let end = rest[start.lowerBound...].range(of: "</svg>") {
            out.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return out
    }

    final class Delegate: NSObject, XMLParserDelegate {
        var error: (any Error)?
        var titles = 0
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) { error = parseError }
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if elementName == "title" { titles += 1 }
        }
    }

    /// nil when the SVG parses; else the parser's error.
    static func parseError(_ svg: String) -> String? {
        let parser = XMLParser(data: Data(svg.utf8))
        let delegate = Delegate()
        parser.delegate = delegate
        if parser.parse() && delegate.titles > 0 { return nil }
        return delegate.error.map { "\($0)" } ?? (delegate.titles == 0 ? "no <title>" : "does not parse")
    }
}

/// Splits RFC 4180 text into records of fields.
enum CSVReader {
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { record.append(field); field = "" }
            else if c == "\r" && chars.first == "\n" { chars.removeFirst(); record.append(field); records.append(record); record = []; field = "" }
            else { field.unicodeScalars.append(c) }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }
}
