import ArgumentParser
import EdiagBatch
import EdiagBench
import EdiagEngine
import EdiagModel
import EdiagReport
import Foundation

/// `ediag batch`: diagnose every profile under some paths, in parallel, with a portfolio summary.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Diagnose many plants in parallel and summarize the portfolio.",
        discussion: """
            Profiles are the files given and every .yaml, .yml and .json file in the folders given
            (searched recursively). Each plant gets plants/<name>.json and its reports (--format:
            md by default, html, csv; from the report templates, docs/reports.md), or an error record
            errors/<name>.json naming file, line:column, field and reason; the others go on. At the
            end come portfolio.json, portfolio.md (and portfolio.html with --format html), plants.csv
            and recommendations.csv (UTF-8 with BOM, for Excel). The configuration (ediag.yaml or
            --config) and the lockfile apply as for `ediag diagnose`. A rerun reuses every plant whose input, plugins,
            configuration and ediag version are unchanged, so an interrupted batch can simply be
            started again. Exit code: 0 all diagnosed, 1 some plant or rule failed, 2 the output
            folder could not be written. See docs/batch.md.

            Examples:
              ediag batch examples/plants --out /tmp/portfolio
              ediag batch agency/2026/ extra.yaml --out out --jobs 2 --lang en --format md --format html
            """)

    @Argument(help: "Plant profiles or folders of profiles.")
    var paths: [String]

    @Option(help: "The output folder (created when missing).")
    var out: String

    @Option(help: "Worker threads, each with its own compiled rules. Default: the number of processors.")
    var jobs: Int?

    @Option(help: "Report language: zh or en (default: output.language of the configuration, zh).")
    var lang: ReportLanguage?

    @Option(help: "Rank measures by payback, npv, tce or cce (default: output.ranking, payback).")
    var rank: RankingKey?

    @Option(name: .customLong("format"), help: "Report formats besides JSON, for each plant and the portfolio: md, html, csv, or json for JSON only (repeatable; default md).")
    var formats: [String] = []

    @Flag(name: .customLong("no-sync"), help: "Do not flush each file to disk before renaming it: faster; a crash still leaves no half-written file, a power loss may.")
    var noSync = false

    @Flag(help: "Print the time spent in each phase (summed over workers) at the end.")
    var timings = false

    @OptionGroup var rules: RuleSourceOptions

    @OptionGroup var configuration: ConfigOptions

    @OptionGroup var templates: ReportTemplateOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        _ = try reportFormats()
    }

    private func reportFormats() throws -> [ReportFormat] {
        var out: [ReportFormat] = []
        if formats == ["json"] { return [] }
        for text in formats.isEmpty ? ["md"] : formats {
            guard let f = ReportFormat.allCases.first(where: { $0.fileExtension == text || $0.rawValue == text }) else {
                throw ValidationError("--format \(text): expected md, html or csv (or json alone)")
            }
            if !out.contains(f) { out.append(f) }
        }
        return out
    }

    func run() throws {
        let inputs: [BatchInput]
        do { inputs = try ProfileDiscovery.inputs(paths, excluding: out) } catch {
            Console.error("error: \(error)")
            throw ExitCode(1)
        }
        var extra: [ConfigOverride] = []
        if let lang { extra.append(ConfigOverride(key: "output.language", value: lang.rawValue, option: "--lang")) }
        if let rank { extra.append(ConfigOverride(key: "output.ranking", value: rank.rawValue, option: "--rank")) }
        // The runtime compiled to check the configuration becomes the first worker's.
        let setup = try configuration.prepare(rules, extra: extra, phaseClock: { UInt64(DispatchTime.now().uptimeNanoseconds) })
        for note in setup.notes { Console.error("note: \(note)") }
        let packs = setup.packs, packErrors = setup.packErrors
        var options = BatchOptions(outputFolder: out, ediagVersion: EdiagVersion.current)
        if let jobs { options.jobs = jobs }
        options.language = setup.configuration.language
        options.runtime = setup.options
        options.store = DiskOutput(synchronize: !noSync)
        options.configurationHash = setup.configurationHash
        options.notes = setup.notes
        let formats = try reportFormats()
        options.plantFormats = formats
        options.portfolioFormats = formats.filter { $0 != .csv }
        // The templates are read only when a report needs them (not for --format json alone).
        if !formats.isEmpty || templates.templatesDirectory != nil { options.renderer = try templates.renderer(packs: packs) }
        options.progress = ProgressDisplay.make()
        let report: BatchReport
        do {
            report = try BatchRunner(packs: packs, options: options).run(inputs, firstRuntime: setup.runtime)
        } catch let error as BatchOutputError {
            ProgressDisplay.endLine()
            Console.error("error: \(error); results written before are intact")
            throw ExitCode(2)
        }
        ProgressDisplay.endLine()
        for e in report.loadErrors { Console.error("error: \(e)") }
        Console.error(String(format: "%d plants: %d diagnosed, %d failed, %d with rule errors; %d reused from an earlier run; %.1f s → %@",
                             report.total, report.diagnosed, report.failed, report.withRuleErrors, report.reused,
                             report.wallSeconds, out))
        if timings {
            let t = report.timings
            let fresh = max(1, report.total - report.reused)
            for (phase, seconds) in [("parse+validate", t.parseValidate), ("Lua evaluation", t.evaluation),
                                     ("economics+prioritization", t.economicsPrioritization),
                                     ("serialization", t.serialization), ("writing", t.writing)] {
                Console.error(phase.padding(toLength: 26, withPad: " ", startingAt: 0)
                              + String(format: "%9.3f s %9.1f µs/plant", seconds, seconds / Double(fresh) * 1e6))
            }
            Console.error("wall".padding(toLength: 26, withPad: " ", startingAt: 0)
                          + String(format: "%9.3f s %9.1f plants/s", report.wallSeconds, Double(report.total) / max(report.wallSeconds, 1e-9)))
            // CPU times do not depend on how busy the machine is: what ran on this thread (start-up,
            // inputs, plugins, configuration, the portfolio at the end) cannot be shared by workers.
            let (main, all) = (Double(CPUClock.thread()) / 1e9, Double(CPUClock.now()) / 1e9)
            let serial = main / max(all, 1e-9)
            Console.error("main thread CPU".padding(toLength: 26, withPad: " ", startingAt: 0)
                          + String(format: "%9.3f s of %.3f s in all threads (%.1f %%): --jobs 2 at most %.2f× --jobs 1",
                                   main, all, serial * 100, 1 / (serial + (1 - serial) / 2)))
        }
        if !report.succeeded || !packErrors.isEmpty { throw ExitCode(1) }
    }
}

/// Batch progress on standard error: a redrawn bar on a terminal, else a log line every 5 seconds
/// and at the end.
enum ProgressDisplay {
    static let isTerminal = isatty(2) != 0

    static func make() -> @Sendable (BatchProgress) -> Void {
        let lastLog = LastLog()
        return { p in
            if isTerminal {
                guard lastLog.due(after: 0.1) || p.done == p.total else { return }
                let width = 30
                let filled = p.total > 0 ? width * p.done / p.total : width
                let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
                let eta = p.remainingSeconds.map { String(format: "%.0f s", $0) } ?? "–"
                let text = String(format: "\r[%@] %d/%d done, %d failed, %.1f plants/s, ETA %@ ", bar, p.done, p.total,
                                  p.failed, p.rate, eta)
                FileHandle.standardError.write(Data(text.utf8))
            } else if lastLog.due(after: 5) || p.done == p.total {
                Console.error(String(format: "batch: %d/%d done, %d failed, %.1f plants/s", p.done, p.total, p.failed, p.rate))
            }
        }
    }

    static func endLine() {
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    /// When the display last drew; called under the batch's lock, one plant at a time.
    final class LastLog: @unchecked Sendable {
        var last: ContinuousClock.Instant?

        func due(after seconds: Double) -> Bool {
            let now = ContinuousClock.now
            if let last, now - last < .milliseconds(Int(seconds * 1000)) { return false }
            last = now
            return true
        }
    }
}
