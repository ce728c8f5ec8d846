import ArgumentParser
import EdiagEngine
import EdiagModel
import EdiagReport
import Foundation

/// `ediag diagnose`: run the rules on one or more plant profiles.
struct Diagnose: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Diagnose plant profiles: limit compliance, outdated equipment, prioritized measures.",
        discussion: """
            Each profile is validated, every enabled rule runs on it in a sandbox, the host values each
            measure (tce, CO2, yuan, payback, NPV) and orders the findings. A profile with errors or a
            failing rule never stops the others; the exit code is 1 if any profile could not be read.

            Examples:
              ediag diagnose examples/plants/cement-laggard.yaml
              ediag diagnose a.yaml b.json --format json --lang en --output out.json
              ediag diagnose plant.yaml --format html --output plant.html
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown, html, csv }

    @Argument(help: "Plant profiles (YAML or JSON).")
    var profiles: [String]

    @OptionGroup var rules: RuleSourceOptions

    @Option(help: "Output format: text, json, markdown, html (one profile) or csv (report templates: docs/reports.md).")
    var format: Format = .text

    @Option(help: "Report language: zh or en.")
    var lang: ReportLanguage = .zh

    @Option(name: .shortAndLong, help: "Write the output to this file instead of standard output.")
    var output: String?

    @Option(help: "Rank measures by payback (default), npv, tce or cce.")
    var rank: RankingKey = .payback

    @OptionGroup var templates: ReportTemplateOptions

    @Flag(help: "Add per-rule time, instructions and peak memory to the output.")
    var stats = false

    func validate() throws {
        if format == .html && profiles.count > 1 {
            throw ValidationError("--format html writes one page per plant: give one profile (or use `ediag batch`)")
        }
    }

    func run() throws {
        let (packs, packErrors) = rules.loadPacks()
        let renderer: ReportRenderer? = [.markdown, .html, .csv].contains(format) ? try templates.renderer(packs: packs) : nil
        var options = RuntimeOptions()
        options.ranking = rank
        options.collectCosts = stats
        let runtime = try RuleRuntime(packs: packs, options: options)
        for e in runtime.loadErrors { Console.error("error: \(e)") }
        var documents: [JSONValue] = []
        var texts: [String] = []
        var failed = false
        let record = RunRecord(ediagVersion: EdiagVersion.current, packs: packs)
        for path in profiles {
            let profile: PlantProfile
            do { profile = try ProfileDecoder.load(path: path) } catch {
                Console.error(error.description)
                failed = true
                continue
            }
            let diagnosis = runtime.diagnose(profile)
            let run = record.with(diagnosis, inputHash: profile.inputHash)
            switch format {
            case .json: documents.append(DiagnosisJSON.document(diagnosis, run: run))
            case .text: texts.append(TextReport.text(diagnosis, language: lang))
            case .markdown, .html, .csv:
                let report = ReportFormat(rawValue: format.rawValue)!
                let document = DiagnosisJSON.document(diagnosis, run: run)
                do { texts.append(try renderer!.renderPlant(document: document, format: report, language: lang)) } catch {
                    Console.error("error: \(path): \(error)")
                    failed = true
                }
            }
            if stats {
                for c in diagnosis.costs {
                    Console.error(String(format: "%-48@ %9.3f ms %12d instr %10d B", c.ruleID as NSString, c.seconds * 1000, c.instructions, c.peakBytes))
                }
            }
        }
        let text: String
        switch format {
        case .json: text = (documents.count == 1 ? documents[0] : .array(documents)).serialized() + "\n"
        case .csv: text = CSVTable.concatenate(texts)
        default: text = texts.joined(separator: "\n")
        }
        try Console.write(text, to: output)
        if failed || !packErrors.isEmpty || !runtime.loadErrors.isEmpty { throw ExitCode(1) }
    }
}
