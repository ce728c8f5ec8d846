/// The result of diagnosing one plant: prioritized findings, what each rule decided, and failures.
public struct Diagnosis: Sendable {
    /// Version of the diagnosis output schema (`docs/output.md`).
    public static let schemaVersion = "ediag/diagnosis@1"

    public var plantID: String
    public var plantName: String
    public var sector: String
    public var assessmentDate: String
    public var source: String
    /// In priority order (1 first).
    public var findings: [Finding]
    /// One or more per rule that ran: not applicable, insufficient data, failed, …
    public var outcomes: [RuleOutcome]
    /// Warnings: profile problems that did not stop the diagnosis, and deprecated rules that ran.
    public var warnings: [ProfileIssue]
    /// Per-rule cost of the run, when asked for.
    public var costs: [RuleCost]

    public init(plantID: String, plantName: String, sector: String, assessmentDate: String, source: String,
                findings: [Finding], outcomes: [RuleOutcome], warnings: [ProfileIssue], costs: [RuleCost] = []) {
        self.plantID = plantID
        self.plantName = plantName
        self.sector = sector
        self.assessmentDate = assessmentDate
        self.source = source
        self.findings = findings
        self.outcomes = outcomes
        self.warnings = warnings
        self.costs = costs
    }

    /// Totals over the recommended measures (likely values).
    public var totals: MeasureTotals { MeasureTotals(findings.compactMap(\.economics)) }
}

/// What one rule cost on one plant.
public struct RuleCost: Sendable, Equatable {
    public var ruleID: String
    public var seconds: Double
    public var instructions: Int
    public var peakBytes: Int

    public init(ruleID: String, seconds: Double, instructions: Int, peakBytes: Int) {
        self.ruleID = ruleID
        self.seconds = seconds
        self.instructions = instructions
        self.peakBytes = peakBytes
    }
}

/// Sums of measures' savings, money and investment, with savings that overlapping measures share
/// counted once (`MeasureOverlap`).
public struct MeasureTotals: Sendable, Equatable {
    public var count: Int
    /// Savings with overlaps counted once.
    public var tcePerYear: Double
    public var co2TonnesPerYear: Double
    /// Only measures whose money could be valued.
    public var yuanPerYear: Double
    public var investmentYuan: Double
    /// What the plain sum of the measures, each valued alone, counts twice.
    public var overlap: MeasureOverlap

    public init(_ measures: [MeasureEconomics]) {
        count = measures.count
        overlap = MeasureOverlap(measures)
        tcePerYear = measures.reduce(0) { $0 + $1.tcePerYear } - overlap.tcePerYear
        co2TonnesPerYear = measures.reduce(0) { $0 + $1.co2TonnesPerYear } - overlap.co2TonnesPerYear
        yuanPerYear = measures.reduce(0) { $0 + ($1.yuanPerYear ?? 0) } - overlap.yuanPerYear
        investmentYuan = measures.reduce(0) { $0 + $1.investmentYuan }
    }
}
