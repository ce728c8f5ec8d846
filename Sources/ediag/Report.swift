public import ArgumentParser
import EdiagEngine
import EdiagModel
public import EdiagReport
import Foundation

/// Where report templates come from, for commands that render reports.
struct ReportTemplateOptions: ParsableArguments {
    @Option(name: .customLong("templates"), help: "A folder of report templates that overrides plugin templates and the built-in defaults (see docs/reports.md).")
    var templatesDirectory: String?

    /// The renderer for the lookup `--templates` > each plugin's `templates/` > built-in defaults.
    func renderer(packs: [RulePack]) throws -> ReportRenderer {
        if let dir = templatesDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("--templates \(dir): no such folder")
            }
        }
        let templates = ReportTemplates.lookup(override: templatesDirectory, plugins: packs.map { ($0.name, $0.directory) })
        do { return try ReportRenderer(templates: templates) } catch {
            Console.error("error: \(error)")
            throw ExitCode(1)
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}

/// `ediag report`: render a stored diagnosis or portfolio document with the report templates.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render a stored diagnosis or portfolio JSON document as HTML, Markdown or CSV.",
        discussion: """
            The document's "schema" key decides the report: ediag/diagnosis@1 (from `ediag diagnose --format json`) gives the plant report, ediag/portfolio@1 (from `ediag batch`) the portfolio summary.

            Templates are looked up in --templates DIR, then in each plugin's templates/ folder, then in the defaults built into ediag; --export-templates writes the defaults out to start a restyle or a translation (docs/reports.md).

            Examples:
              ediag report out/plant.json --format html -o plant.html
              ediag report out/portfolio.json --format markdown --lang en
              ediag report --export-templates my-templates
              ediag report out/plant.json --format html --templates my-templates -o plant.html
            """)

    @Argument(help: "A diagnosis or portfolio JSON document.")
    var document: String?

    @Option(help: "Output format: html, markdown, or csv (plant reports only).")
    var format: ReportFormat = .html

    @Option(help: "Report language: zh or en.")
    var lang: ReportLanguage = .zh

    @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
    var output: String?

    @OptionGroup var templates: ReportTemplateOptions

    @OptionGroup var rules: RuleSourceOptions

    @Option(help: "Write the built-in templates into this folder and stop.")
    var exportTemplates: String?

    func validate() throws {
        if document == nil && exportTemplates == nil { throw ValidationError("give a JSON document to render, or --export-templates DIR") }
    }

    func run() throws {
        if let exportTemplates {
            do { try ReportTemplates.exportDefaults(to: exportTemplates) } catch {
                Console.error("error: \(error)")
                throw ExitCode(1)
            }
            Console.error("wrote \(ReportTemplates.defaultNames.count) template files to \(exportTemplates)")
            return
        }
        guard let document else { return }
        let (packs, _) = rules.loadPacks(quiet: true)
        let renderer = try templates.renderer(packs: packs)
        let json: JSONValue
        do { json = try JSONValue.load(path: document) } catch {
            Console.error("error: \(error)")
            throw ExitCode(1)
        }
        // `ediag diagnose` writes an array when given several profiles.
        var documents = [json]
        if case .array(let items) = json { documents = items }
        if format == .html && documents.count != 1 {
            Console.error("error: \(document) holds \(documents.count) documents; HTML is one page per plant (use markdown or csv, or render each plant's file)")
            throw ExitCode(1)
        }
        var texts: [String] = []
        for (index, item) in documents.enumerated() {
            do { texts.append(try renderer.render(document: item, format: format, language: lang)) } catch {
                Console.error("error: \(document)\(documents.count > 1 ? " [\(index)]" : ""): \(error)")
                throw ExitCode(1)
            }
        }
        try Console.write(format == .csv ? CSVTable.concatenate(texts) : texts.joined(separator: "\n"), to: output)
    }
}
