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
              ediag diagnose plant.yaml --config agency.yaml --set economics.grid_co2_factor=regional

            The configuration (ediag.yaml in the working folder, or --config) and --set decide which
            plugins and rules run and with which parameters; when ediag.lock exists the plugins must
            match it (see docs/plugins.md).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown, html, csv }

    @Argument(help: "Plant profiles (YAML or JSON).")
    var profiles: [String]

    @OptionGroup var rules: RuleSourceOptions

    @OptionGroup var configuration: ConfigOptions

    @Option(help: "Output format: text, json, markdown, html (one profile) or csv (default: output.format of the configuration, text; templates: docs/reports.md).")
    var format: Format?

    @Option(help: "Report language: zh or en (default: output.language, zh).")
    var lang: ReportLanguage?

    @Option(name: .shortAndLong, help: "Write the output to this file instead of standard output.")
    var output: String?

    @Option(help: "Rank measures by payback, npv, tce or cce (default: output.ranking, payback).")
    var rank: RankingKey?

    @OptionGroup var templates: ReportTemplateOptions

    @Flag(help: "Add per-rule time, instructions and peak memory to the output.")
    var stats = false

    func run() throws {
        var extra: [ConfigOverride] = []
        if let format { extra.append(ConfigOverride(key: "output.format", value: format.rawValue, option: "--format")) }
        if let lang { extra.append(ConfigOverride(key: "output.language", value: lang.rawValue, option: "--lang")) }
        if let rank { extra.append(ConfigOverride(key: "output.ranking", value: rank.rawValue, option: "--rank")) }
        var setup = try configuration.prepare(rules, extra: extra)
        let runtime: RuleRuntime
        if stats {
            setup.options.collectCosts = true
            runtime = try RuleRuntime(packs: setup.packs, options: setup.options)
        } else {
            runtime = setup.runtime
        }
        let format = Format(rawValue: setup.configuration.outputFormat) ?? .text
        let lang = setup.configuration.language
        let packErrors = setup.packErrors
        for note in setup.notes { Console.error("note: \(note)") }
        if format == .html && profiles.count > 1 {
            // The format may come from --format or from the configuration: checked once it is known.
            throw ValidationError("html writes one page per plant: give one profile (or use `ediag batch`)")
        }
        let renderer: ReportRenderer? = [.markdown, .html, .csv].contains(format) ? try templates.renderer(packs: setup.packs) : nil
        var documents: [JSONValue] = []
        var texts: [String] = []
        var failed = false
        let record = RunRecord(ediagVersion: EdiagVersion.current, packs: setup.packs,
                               configurationHash: setup.configurationHash, notes: setup.notes)
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
            case .text: texts.append(TextReport.text(diagnosis, language: lang) + run.summary(language: lang, markdown: false))
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
