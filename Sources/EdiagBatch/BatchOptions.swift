import Foundation
public import EdiagEngine
public import EdiagModel
public import EdiagReport

/// Renders one extra per-plant format from the plant's `ediag/diagnosis@1` document.
///
/// Called on worker threads, one plant at a time per worker; it must not share mutable state. A
/// thrown error makes the batch stop with that error (the plant's other files stay as they were).
public typealias PlantRenderer = @Sendable (JSONValue) throws -> String

/// How a batch runs; the defaults suit the command line.
public struct BatchOptions: Sendable {
    /// The output folder: `plants/`, `errors/`, `records/` and the portfolio files go there.
    public var outputFolder: String
    /// Worker threads, each with its own compiled rules. Default: the active processor count.
    public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Language of the Markdown reports and the portfolio Markdown.
    public var language: ReportLanguage = .zh
    /// Limits, economics, ranking and disabled rules for every worker's runtime.
    public var runtime = RuntimeOptions()
    /// Written into every run record and part of the resume key.
    public var ediagVersion: String
    /// `sha256:…` of the effective configuration, or empty when there is none; part of the resume
    /// key, so a changed configuration diagnoses every plant again.
    public var configurationHash: String = ""
    /// Notes for every run record (e.g. that the lockfile check was skipped).
    public var notes: [String] = []
    /// Per-plant reports rendered from the report templates besides the JSON document
    /// (`plants/<name>.md`, `.html`, `.csv`). Default: Markdown.
    public var plantFormats: [ReportFormat] = [.markdown]
    /// Portfolio reports rendered from `portfolio.json` with the report templates (`portfolio.md`,
    /// `portfolio.html`). Default: Markdown. (The portfolio CSV files are always written.)
    public var portfolioFormats: [ReportFormat] = [.markdown]
    /// The report templates (`docs/reports.md`); nil uses the built-in defaults.
    public var renderer: ReportRenderer?
    /// Extra per-plant formats keyed by file extension (e.g. `xml` → `plants/<name>.xml`).
    public var extraRenderers: [String: PlantRenderer] = [:]
    /// Where files are written; tests inject one that fails.
    public var store: any OutputStore = DiskOutput()
    /// Called after every plant, from worker threads one at a time (e.g. a progress bar).
    public var progress: (@Sendable (BatchProgress) -> Void)?

    public init(outputFolder: String, ediagVersion: String) {
        self.outputFolder = outputFolder
        self.ediagVersion = ediagVersion
    }
}

/// Where a batch stands, reported after each plant.
public struct BatchProgress: Sendable, Equatable {
    public var total: Int
    /// Plants finished so far (diagnosed, failed or reused from an earlier run).
    public var done: Int
    /// Of `done`, the plants whose profile could not be diagnosed or whose rules failed.
    public var failed: Int
    /// Of `done`, the plants whose results an earlier run left and that were reused.
    public var reused: Int
    /// Seconds since the batch started.
    public var elapsedSeconds: Double

    /// Plants per second so far.
    public var rate: Double { elapsedSeconds > 0 ? Double(done) / elapsedSeconds : 0 }

    /// Seconds left at the current rate; nil before the first plant.
    public var remainingSeconds: Double? { rate > 0 ? Double(total - done) / rate : nil }
}

/// Time spent in each phase, summed over every worker (so with several workers the sum can exceed
/// the wall time).
public struct PhaseTimings: Sendable, Equatable {
    /// Reading the profile file, parsing YAML/JSON and validating it.
    public var parseValidate: Double = 0
    /// Running the Lua rules (without the host's economics and prioritization).
    public var evaluation: Double = 0
    /// Valuing measures and ordering findings (host side).
    public var economicsPrioritization: Double = 0
    /// Building the JSON, Markdown, extra formats and the record.
    public var serialization: Double = 0
    /// Writing files (temporary file, flush, rename).
    public var writing: Double = 0

    public init() {}

    mutating func add(_ other: PhaseTimings) {
        parseValidate += other.parseValidate
        evaluation += other.evaluation
        economicsPrioritization += other.economicsPrioritization
        serialization += other.serialization
        writing += other.writing
    }
}

/// What a finished batch did.
public struct BatchReport: Sendable {
    public var total: Int
    /// Plants with a diagnosis (rule errors included).
    public var diagnosed: Int
    /// Plants whose profile could not be read or validated.
    public var failed: Int
    /// Diagnosed plants where at least one rule failed.
    public var withRuleErrors: Int
    /// Plants whose results were reused from an earlier run.
    public var reused: Int
    /// Problems loading the rules (the same in every worker).
    public var loadErrors: [PackError]
    public var timings: PhaseTimings
    public var wallSeconds: Double

    /// True when every plant was diagnosed without a failing rule and every rule loaded.
    public var succeeded: Bool { failed == 0 && withRuleErrors == 0 && loadErrors.isEmpty }
}
