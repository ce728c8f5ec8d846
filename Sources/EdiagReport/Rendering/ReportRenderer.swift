public import EdiagModel
import Mustache
import Foundation

/// A report format rendered from templates.
public enum ReportFormat: String, Sendable, CaseIterable {
    case markdown, html, csv

    /// The extension of a report file in this format (`md`, `html`, `csv`).
    public var fileExtension: String { templateInfix }

    /// The infix of the template files, e.g. `plant.md.mustache`.
    var templateInfix: String {
        switch self {
        case .markdown: return "md"
        case .html: return "html"
        case .csv: return "csv"
        }
    }
}

/// Why a report could not be rendered.
public enum ReportError: Error, Sendable, CustomStringConvertible {
    /// A template or label file is broken or missing.
    case template(ReportTemplateError)
    /// The stored document lacks a field or has the wrong type.
    case document(ReportDocumentError)
    /// The document is of a kind or schema version that has no report in this format.
    case unsupported(String)

    public var description: String {
        switch self {
        case .template(let e): return e.description
        case .document(let e): return "the document cannot be rendered: \(e)"
        case .unsupported(let message): return message
        }
    }
}

/// Renders stored diagnosis (`ediag/diagnosis@1`) and portfolio (`ediag/portfolio@1`) documents with the
/// report templates. Build one per run and reuse it: templates are read and parsed once.
///
/// ```swift
/// let renderer = try ReportRenderer(templates: .lookup(override: nil, plugins: []))
/// let html = try renderer.renderPlant(document: json, format: .html, language: .zh)
/// ```
public struct ReportRenderer: Sendable {
    private let library: MustacheLibrary
    private let labels: [ReportLanguage: ReportLabels]
    private let style: String

    /// Reads and parses every template and label file now, so that a broken one is reported before any
    /// plant is rendered.
    /// - Throws: `ReportError.template` naming the file, line and column of the first problem.
    public init(templates: ReportTemplates = ReportTemplates()) throws(ReportError) {
        _ = ReportContentType.registered
        do {
            var library = MustacheLibrary()
            var files: [TemplateFile] = []
            for name in templates.mustacheNames() {
                let file = try templates.file(name)
                library.register(try Self.parse(file), named: String(name.dropLast(".mustache".count)))
                files.append(file)
            }
            for file in files { try Self.checkPartials(file, in: library) }
            var labels: [ReportLanguage: ReportLabels] = [:]
            for language in ReportLanguage.allCases { labels[language] = try ReportLabels.load(language, from: templates) }
            self.library = library
            self.labels = labels
            self.style = try templates.file("style.css").text
        } catch {
            throw .template(error)
        }
    }

    /// Parses one template with the escaping its file name selects.
    private static func parse(_ file: TemplateFile) throws(ReportTemplateError) -> MustacheTemplate {
        let pragma = ReportContentType.pragma(forTemplateNamed: file.name) ?? ""
        do {
            return try MustacheTemplate(string: pragma + file.text)
        } catch let error as MustacheTemplate.ParserError {
            // The pragma is prepended on line 1 without a line break: only line 1's columns move.
            let column = error.context.lineNumber == 1 ? error.context.columnNumber - pragma.count : error.context.columnNumber
            throw ReportTemplateError(file: file.path, line: error.context.lineNumber, column: max(column, 1),
                                      message: explain(error.error))
        } catch {
            throw ReportTemplateError(file: file.path, message: "cannot be parsed: \(error)")
        }
    }

    /// Renders a stored document of either kind, chosen by its `schema` key.
    /// - Throws: `ReportError`.
    public func render(document: JSONValue, format: ReportFormat, language: ReportLanguage) throws(ReportError) -> String {
        let schema: String
        do { schema = try DocumentReader(document).string("schema") } catch { throw .document(error) }
        if schema == Diagnosis.schemaVersion { return try renderPlant(document: document, format: format, language: language) }
        if schema == PortfolioReportModel.schema { return try renderPortfolio(document: document, format: format, language: language) }
        throw .unsupported("no report for documents of schema '\(schema)' (known: \(Diagnosis.schemaVersion), \(PortfolioReportModel.schema))")
    }

    /// Renders one plant's diagnosis document (`ediag/diagnosis@1`, as `DiagnosisJSON.document` makes it).
    ///
    /// CSV output starts with a UTF-8 byte-order mark and ends lines with CRLF, so Excel opens Chinese
    /// text correctly.
    /// - Throws: `ReportError.document` naming the field path of a missing or mistyped value.
    public func renderPlant(document: JSONValue, format: ReportFormat, language: ReportLanguage) throws(ReportError) -> String {
        let labels = self.labels[language]!
        let model: [String: Any]
        do { model = try PlantReportModel(document: document, language: language, labels: labels).context(style: style) } catch {
            throw .document(error)
        }
        return try render(model, template: "plant.\(format.templateInfix)", format: format)
    }

    /// Renders a portfolio summary document (`ediag/portfolio@1`, written by `ediag batch`) as Markdown or
    /// HTML; the portfolio's CSV files are written by the batch itself.
    /// - Throws: `ReportError`.
    public func renderPortfolio(document: JSONValue, format: ReportFormat, language: ReportLanguage) throws(ReportError) -> String {
        guard format != .csv else {
            throw .unsupported("a portfolio has no CSV report: `ediag batch` writes the portfolio's CSV files next to portfolio.json")
        }
        let labels = self.labels[language]!
        let model: [String: Any]
        do { model = try PortfolioReportModel(document: document, language: language, labels: labels).context(style: style) } catch {
            throw .document(error)
        }
        return try render(model, template: "portfolio.\(format.templateInfix)", format: format)
    }

    private func render(_ model: [String: Any], template: String, format: ReportFormat) throws(ReportError) -> String {
        guard let text = library.render(model, withTemplate: template) else {
            throw .template(ReportTemplateError(file: template + ".mustache", message: "no template folder has this file"))
        }
        guard format == .csv else { return text }
        // RFC 4180 lines end in CRLF; the BOM makes Excel read UTF-8.
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A partial that no layer provides would render as nothing; refuse it instead.
    private static func checkPartials(_ file: TemplateFile, in library: MustacheLibrary) throws(ReportTemplateError) {
        for (offset, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = Substring(line)
            while let open = rest.range(of: "{{>") {
                rest = rest[open.upperBound...]
                guard let close = rest.range(of: "}}") else { break }
                let name = rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if library.getTemplate(named: name) == nil {
                    throw ReportTemplateError(file: file.path, line: offset + 1,
                                              message: "uses the partial '\(name)', but no template folder has \(name).mustache")
                }
                rest = rest[close.upperBound...]
            }
        }
    }

    private static func explain(_ error: any Error) -> String {
        guard let e = error as? MustacheTemplate.Error else { return "cannot be parsed: \(error)" }
        switch e {
        case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with"
        case .unfinishedName: return "a tag is not closed (expected '}}')"
        case .expectedSectionEnd: return "a section is opened but never closed (expected {{/name}})"
        case .invalidSetDelimiter: return "a set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: return "a transform is applied to an inheritance section"
        case .illegalTokenInsideInheritSection: return "an inheritance section holds something other than blocks"
        case .textInsideInheritSection: return "an inheritance section holds text outside its blocks"
        case .invalidConfigVariableSyntax: return "a {{% … }} pragma is malformed"
        case .unrecognisedConfigVariable: return "a {{% … }} pragma is not one swift-mustache knows"
        }
    }
}
