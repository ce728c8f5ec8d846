import EdiagModel
import EdiagReport
import Foundation

/// Writes the portfolio files of a batch from the plant records on disk, in input order:
/// `portfolio.json`, `portfolio.md`, `plants.csv` and `recommendations.csv`.
///
/// Recommendations are streamed into their CSV as each record is read, so the number of measures
/// in memory does not grow with the batch.
struct PortfolioWriter {
    let layout: OutputLayout
    let options: BatchOptions
    let run: RunRecord

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

    /// Writes a file piece by piece; it appears complete or not at all.
    private func writeStreamed(_ path: String, _ body: (any PendingFile) throws(BatchOutputError) -> Void) throws(BatchOutputError) {
        let file = try options.store.begin(path)
        do {
            try body(file)
            try file.commit()
        } catch {
            file.abort()
            throw error
        }
    }

    func write(_ inputs: [BatchInput]) throws(BatchOutputError) {
        var portfolio = Portfolio(run: run)
        // The plant list needs one small row per plant; keeping the rows saves reading (and decoding)
        // every record a second time, which was most of the batch's serial tail.
        var rows: [Portfolio.PlantRow] = []
        rows.reserveCapacity(inputs.count)
        // Pass 1: the sums, and the two CSV files row by row.
        try writeStreamed(layout.folder + "/recommendations.csv") { recommendations throws(BatchOutputError) in
            try recommendations.append(CSVTable.byteOrderMark + Data(CSVTable.header(Self.recommendationColumns).utf8))
            try writeStreamed(layout.folder + "/plants.csv") { plants throws(BatchOutputError) in
                try plants.append(CSVTable.byteOrderMark + Data(CSVTable.header(Self.plantColumns).utf8))
                for input in inputs {
                    let record = try read(input)
                    let row = portfolio.add(record)
                    rows.append(row)
                    try plants.append(Data(Self.plantLine(row).utf8))
                    let lines = record.measures.map { Self.recommendationLine($0, of: record) }.joined()
                    if !lines.isEmpty { try recommendations.append(Data(lines.utf8)) }
                }
            }
        }
        // Pass 2: the summary, then the plant list.
        try writeStreamed(layout.folder + "/portfolio.json") { file throws(BatchOutputError) in
            try portfolio.write(to: file) { emit throws(BatchOutputError) in
                for row in rows { try emit(row) }
            }
        }
        try writeReports()
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

    private func read(_ input: BatchInput) throws(BatchOutputError) -> PlantRecord {
        guard let record = PlantRecord.read(path: layout.record(input)) else {
            throw BatchOutputError(path: layout.record(input), reason: "the plant's record is missing or unreadable")
        }
        return record
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
