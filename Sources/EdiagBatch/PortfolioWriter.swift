import EdiagModel
import EdiagReport
import Foundation

/// One plant's share of the portfolio files, prepared by the worker that diagnosed the plant (or
/// read its earlier record), so that only the sums are left for the one thread that folds plants
/// in input order.
struct PortfolioEntry: Sendable {
    /// The record, exactly as written to `records/<name>.json`.
    let record: PlantRecord
    /// The plant's line of `plants.csv`.
    let plantLine: String
    /// The plant's lines of `recommendations.csv` (empty without measures).
    let recommendationLines: String
    /// The plant's entry of `portfolio.json`'s `plant_list`, indented as in the document.
    let listItem: String

    init(_ record: PlantRecord) {
        self.record = record
        let row = Portfolio.PlantRow(record)
        plantLine = PortfolioWriter.plantLine(row)
        recommendationLines = record.measures.map { PortfolioWriter.recommendationLine($0, of: record) }.joined()
        listItem = Portfolio.listItem(row)
    }
}

/// Writes the portfolio files of a batch while the workers run: `plants.csv` and
/// `recommendations.csv` grow plant by plant, `portfolio.json` (and `portfolio.md`, …) follow at
/// the end.
///
/// Plants are folded in input order whatever order the workers finish them in: a plant that
/// arrives early waits (its entry only, a few hundred bytes) until every plant before it has been
/// folded. The sums therefore add the same numbers in the same order as a single worker would, and
/// the files are byte-identical for any `--jobs` and after any interruption. Each file is written
/// to a temporary file and appears complete at `finish()`, or never (`abort()`).
///
/// Recommendations go straight to their CSV, so the number of measures in memory does not grow
/// with the batch; what grows is one `plant_list` entry per plant (about 400 bytes).
final class PortfolioWriter: @unchecked Sendable {
    let layout: OutputLayout
    let options: BatchOptions
    let total: Int

    /// Columns of `recommendations.csv` (documented in `docs/output.md`).
    static let recommendationColumns = [
        "plant_id", "plant_name", "sector", "file", "priority", "rule", "measure_zh", "measure_en", "subject", "category",
        "tce_per_year", "co2_tonnes_per_year", "yuan_per_year", "investment_yuan", "simple_payback_years", "confidence",
    ]

    /// Columns of `plants.csv` (documented in `docs/output.md`).
    static let plantColumns = [
        "plant_id", "plant_name", "sector", "file", "status", "measures", "tce_per_year", "co2_tonnes_per_year",
        "yuan_per_year", "investment_yuan", "limit_violations", "outdated_equipment", "rule_errors", "errors",
    ]

    private let lock = NSLock()
    private var portfolio: Portfolio
    /// Entries that arrived before some plant ahead of them, by input index.
    private var waiting: [Int: PortfolioEntry] = [:]
    /// The input index of the next plant to fold.
    private var next = 0
    private var listItems: [String] = []
    /// The two CSV files, opened when the first plant is folded (so a batch that fails on its
    /// first plant has touched nothing but that plant's files).
    private var csv: (plants: any PendingFile, recommendations: any PendingFile)?
    private var failed = false

    /// - Parameter total: the number of inputs; `finish()` expects each of them once.
    init(layout: OutputLayout, options: BatchOptions, run: RunRecord, total: Int) {
        self.layout = layout
        self.options = options
        self.total = total
        portfolio = Portfolio(run: run)
        listItems.reserveCapacity(total)
    }

    /// Takes the entry of the input at `index` and folds every plant that is now next in order.
    /// - Throws: `BatchOutputError` when a CSV file cannot be written; the writer then takes no more.
    func add(_ entry: PortfolioEntry, at index: Int) throws(BatchOutputError) {
        lock.lock()
        defer { lock.unlock() }
        guard !failed else { return }
        waiting[index] = entry
        do {
            while let ready = waiting.removeValue(forKey: next) {
                try fold(ready)
                next += 1
            }
        } catch {
            failed = true
            throw error
        }
    }

    /// Adds one plant, the next in input order; the lock is held.
    private func fold(_ entry: PortfolioEntry) throws(BatchOutputError) {
        let files = try openedFiles()
        portfolio.add(entry.record)
        listItems.append(entry.listItem)
        try files.plants.append(Data(entry.plantLine.utf8))
        if !entry.recommendationLines.isEmpty { try files.recommendations.append(Data(entry.recommendationLines.utf8)) }
    }

    /// The CSV files, begun with their headers on first use.
    private func openedFiles() throws(BatchOutputError) -> (plants: any PendingFile, recommendations: any PendingFile) {
        if let csv { return csv }
        let recommendations = try options.store.begin(layout.folder + "/recommendations.csv")
        let plants: any PendingFile
        do {
            try recommendations.append(CSVTable.byteOrderMark + Data(CSVTable.header(Self.recommendationColumns).utf8))
            plants = try options.store.begin(layout.folder + "/plants.csv")
        } catch {
            recommendations.abort()
            throw error
        }
        csv = (plants, recommendations)
        do { try plants.append(CSVTable.byteOrderMark + Data(CSVTable.header(Self.plantColumns).utf8)) } catch {
            abort()
            throw error
        }
        return (plants, recommendations)
    }

    /// Puts the CSV files in place and writes `portfolio.json` and the portfolio reports; called
    /// once every plant has been added.
    func finish() throws(BatchOutputError) {
        lock.lock()
        defer { lock.unlock() }
        guard next == total, !failed else {
            throw BatchOutputError(path: layout.folder, reason: "the portfolio misses \(total - next) of \(total) plants")
        }
        do {
            let files = try openedFiles()
            try files.plants.commit()
            try files.recommendations.commit()
        } catch {
            abort()
            throw error
        }
        csv = nil
        let file = try options.store.begin(layout.folder + "/portfolio.json")
        do {
            try portfolio.write(to: file, items: listItems)
            try file.commit()
        } catch {
            file.abort()
            throw error
        }
        try writeReports()
    }

    /// Removes the temporary CSV files of a batch that stopped; the old files stay in place.
    func abort() {
        csv?.plants.abort()
        csv?.recommendations.abort()
        csv = nil
    }

    /// Removes the temporary CSV files of a batch that stopped (takes the lock).
    func stop() {
        lock.withLock { abort() }
    }

    /// `portfolio.md`, `portfolio.html`: the report templates over `portfolio.json` as written.
    private func writeReports() throws(BatchOutputError) {
        guard !options.portfolioFormats.isEmpty else { return }
        let jsonPath = layout.folder + "/portfolio.json"
        let document: JSONValue
        do { document = try JSONValue.load(path: jsonPath) } catch {
            throw BatchOutputError(path: jsonPath, reason: "cannot read it back: \(error)")
        }
        let renderer: ReportRenderer
        do { renderer = try options.renderer ?? ReportRenderer() } catch {
            throw BatchOutputError(path: layout.folder, reason: "the report templates cannot be used: \(error)")
        }
        for format in options.portfolioFormats where format != .csv {
            let path = layout.folder + "/portfolio." + format.fileExtension
            do {
                let text = try renderer.renderPortfolio(document: document, format: format, language: options.language)
                try options.store.write(Data(text.utf8), to: path)
            } catch let error as BatchOutputError {
                throw error
            } catch {
                throw BatchOutputError(path: path, reason: "the report template failed: \(error)")
            }
        }
    }

    static func plantLine(_ p: Portfolio.PlantRow) -> String {
        CSVTable.line([
            .text(p.plantID), .text(p.plantName), .text(p.sector), .text(p.file), .text(p.status),
            .number(Double(p.measures)), .number(p.tcePerYear), .number(p.co2TonnesPerYear), .number(p.yuanPerYear),
            .number(p.investmentYuan), .number(Double(p.limitViolations)), .number(Double(p.outdatedEquipment)),
            .number(Double(p.ruleErrors)), .text(p.errors),
        ])
    }

    static func recommendationLine(_ m: PlantRecord.Measure, of record: PlantRecord) -> String {
        CSVTable.line([
            .text(record.plantID), .text(record.plantName), .text(record.sector), .text(record.file),
            .number(Double(m.priority)), .text(m.rule), .text(m.titleZh), .text(m.titleEn), .text(m.subject),
            .text(m.category), .number(m.tcePerYear), .number(m.co2TonnesPerYear), .number(m.yuanPerYear),
            .number(m.investmentYuan), .number(m.simplePaybackYears), .text(m.confidence),
        ])
    }
}
