import Foundation
import EdiagEngine
import EdiagModel
import EdiagReport

/// One worker of a batch: its own compiled rules, diagnosing plants one after another.
///
/// For each plant it reads the file, hashes it, reuses an earlier result with the same resume key,
/// else validates, diagnoses and writes the report (or the error record), then the plant's record
/// last. Nothing about a plant is kept once its files are written.
final class PlantWorker {
    let runtime: RuleRuntime
    let layout: OutputLayout
    let options: BatchOptions
    let run: RunRecord
    let ruleLocations: [String: String]
    /// The formats and language, part of the resume key.
    let outputs: String
    /// File extensions of a plant's reports: the JSON document, the templated formats, the extras.
    let reportExtensions: [String]
    /// The report templates; nil when no templated format is asked for (JSON only).
    let renderer: ReportRenderer?
    var timings = PhaseTimings()

    /// What happened to one plant.
    enum Outcome { case diagnosed, ruleErrors, failed }

    /// - Parameter runtime: a runtime compiled before (with `options.runtime`), else the packs are
    ///   compiled here.
    init(packs: [RulePack], run: RunRecord, layout: OutputLayout, options: BatchOptions, runtime prepared: RuleRuntime? = nil) throws {
        if let prepared {
            runtime = prepared
        } else {
            var runtimeOptions = options.runtime
            runtimeOptions.collectCosts = false
            runtimeOptions.phaseClock = { UInt64(DispatchTime.now().uptimeNanoseconds) }
            runtime = try RuleRuntime(packs: packs, options: runtimeOptions)
        }
        self.run = run
        self.layout = layout
        self.options = options
        reportExtensions = ["json"] + options.plantFormats.map(\.fileExtension) + options.extraRenderers.keys.sorted()
        outputs = (reportExtensions + [options.language.rawValue]).joined(separator: " ")
        do { renderer = options.plantFormats.isEmpty ? nil : try options.renderer ?? ReportRenderer() } catch {
            throw BatchOutputError(path: options.outputFolder, reason: "the report templates cannot be used: \(error)")
        }
        ruleLocations = Dictionary(runtime.rules.map { ($0.id, $0.location) }, uniquingKeysWith: { a, _ in a })
    }

    /// Diagnoses one plant, or reuses its earlier result.
    /// - Returns: the outcome, whether an earlier result was reused, and the plant's share of the
    ///   portfolio files (from its record as written, or as read back when reused).
    /// - Throws: `BatchOutputError` when a file cannot be written (the batch stops).
    func process(_ input: BatchInput) throws(BatchOutputError) -> (Outcome, reused: Bool, entry: PortfolioEntry) {
        let clock = ContinuousClock()
        var start = clock.now
        let bytes: Data
        do { bytes = try SourceDocument.read(path: input.file) } catch {
            let key = ResumeKey(run: run, inputHash: "", outputs: outputs)
            return try fail(input, key: key, problems: [.init(location: "", path: "", reason: error.message)])
        }
        let key = ResumeKey(run: run, inputHash: "sha256:" + SHA256.hex(bytes), outputs: outputs)
        if let earlier = PlantRecord.read(path: layout.record(input)), earlier.key == key, earlier.file == input.file,
           resultFiles(of: earlier, input).allSatisfy({ FileManager.default.fileExists(atPath: $0) }) {
            timings.parseValidate += seconds(since: start, clock)
            let outcome: Outcome = earlier.status == .failed ? .failed : (earlier.ruleErrors > 0 ? .ruleErrors : .diagnosed)
            return (outcome, true, PortfolioEntry(earlier))
        }
        let parsed = Self.profile(bytes, file: input.file)
        timings.parseValidate += seconds(since: start, clock)
        var withHash: PlantProfile
        switch parsed {
        case .success(let profile): withHash = profile
        case .failure(let problems): return try fail(input, key: key, problems: problems.list)
        }
        withHash.inputHash = key.inputHash

        let before = runtime.phaseTimes
        let diagnosis = runtime.diagnose(withHash)
        let after = runtime.phaseTimes
        timings.economicsPrioritization += Double((after.valuation - before.valuation) + (after.prioritization - before.prioritization)) / 1e9
        timings.evaluation += Double(after.evaluation - before.evaluation) / 1e9

        start = clock.now
        let document = DiagnosisJSON.document(diagnosis, run: run.with(diagnosis, inputHash: key.inputHash))
        var files: [(String, Data)] = [
            (layout.report(input, extension: "json"), Data((document.serialized() + "\n").utf8)),
        ]
        for format in options.plantFormats {
            guard let renderer else { break }
            do {
                let text = try renderer.renderPlant(document: document, format: format, language: options.language)
                files.append((layout.report(input, extension: format.fileExtension), Data(text.utf8)))
            } catch {
                throw BatchOutputError(path: layout.report(input, extension: format.fileExtension), reason: "the report template failed: \(error)")
            }
        }
        for ext in options.extraRenderers.keys.sorted() {
            do {
                files.append((layout.report(input, extension: ext), Data(try options.extraRenderers[ext]!(document).utf8)))
            } catch {
                throw BatchOutputError(path: layout.report(input, extension: ext), reason: "the \(ext) renderer failed: \(error)")
            }
        }
        let record = PlantRecord(diagnosis: diagnosis, profile: withHash, input: input, key: key, ruleLocations: ruleLocations)
        let errorDocument = record.problems.isEmpty ? nil : errorRecord(record, status: "rule_errors")
        let recordBytes = record.encoded()
        timings.serialization += seconds(since: start, clock)

        start = clock.now
        for (path, data) in files { try options.store.write(data, to: path) }
        if let errorDocument {
            try options.store.write(errorDocument, to: layout.error(input))
        } else {
            try options.store.remove(layout.error(input))
        }
        try options.store.write(recordBytes, to: layout.record(input))
        timings.writing += seconds(since: start, clock)
        start = clock.now
        let entry = PortfolioEntry(record)
        timings.serialization += seconds(since: start, clock)
        return (record.problems.isEmpty ? .diagnosed : .ruleErrors, false, entry)
    }

    /// Why a profile cannot be diagnosed.
    struct Problems: Error { var list: [PlantRecord.Problem] }

    /// Parses and validates a profile's bytes.
    static func profile(_ bytes: Data, file: String) -> Result<PlantProfile, Problems> {
        let document: SourceValue
        do { document = try SourceDocument.parse(bytes, file: file) } catch {
            return .failure(Problems(list: [problem(error.location, path: "", error.message)]))
        }
        do { return .success(try ProfileDecoder.decode(document, source: file)) } catch {
            return .failure(Problems(list: error.issues.map { problem($0.location, path: $0.path, $0.message) }))
        }
    }

    /// The files a complete plant has besides its record.
    private func resultFiles(of record: PlantRecord, _ input: BatchInput) -> [String] {
        if record.status == .failed { return [layout.error(input)] }
        let reports = reportExtensions.map { layout.report(input, extension: $0) }
        return reports + (record.problems.isEmpty ? [] : [layout.error(input)])
    }

    /// Writes the error record of a plant that could not be diagnosed and removes any report an
    /// earlier run wrote for it.
    private func fail(_ input: BatchInput, key: ResumeKey, problems: [PlantRecord.Problem])
        throws(BatchOutputError) -> (Outcome, reused: Bool, entry: PortfolioEntry) {
        let clock = ContinuousClock()
        let start = clock.now
        let record = PlantRecord(failedInput: input, key: key, problems: problems)
        try options.store.write(errorRecord(record, status: "failed"), to: layout.error(input))
        for ext in reportExtensions {
            try options.store.remove(layout.report(input, extension: ext))
        }
        try options.store.write(record.encoded(), to: layout.record(input))
        timings.writing += seconds(since: start, clock)
        return (.failed, false, PortfolioEntry(record))
    }

    /// The `ediag/batch-error@1` document of a plant (see `docs/output.md`).
    private func errorRecord(_ record: PlantRecord, status: String) -> Data {
        let document = JSONValue.object([
            ("schema", .string("ediag/batch-error@1")),
            ("file", .string(record.file)),
            ("plant_id", .string(record.plantID)),
            ("status", .string(status)),
            ("errors", .array(record.problems.map {
                .object([("location", .string($0.location)), ("path", .string($0.path)), ("reason", .string($0.reason))])
            })),
            ("run", RunRecord(ediagVersion: run.ediagVersion, plugins: run.plugins, inputHash: record.key.inputHash,
                              configurationHash: run.configurationHash, notes: run.notes).json),
        ])
        return Data((document.serialized() + "\n").utf8)
    }

    /// A profile problem located as `line:column` (or `line`) within the file.
    static func problem(_ location: SourceLocation, path: String, _ reason: String) -> PlantRecord.Problem {
        let where_ = location.line.map { line in location.column.map { "\(line):\($0)" } ?? "\(line)" } ?? ""
        return PlantRecord.Problem(location: where_, path: path, reason: reason)
    }

    private func seconds(since start: ContinuousClock.Instant, _ clock: ContinuousClock) -> Double {
        (clock.now - start).inSeconds
    }
}

/// The files of a batch's output folder.
struct OutputLayout: Sendable {
    let folder: String

    var plants: String { folder + "/plants" }
    var errors: String { folder + "/errors" }
    var records: String { folder + "/records" }

    func report(_ input: BatchInput, extension ext: String) -> String { "\(plants)/\(input.name).\(ext)" }
    func error(_ input: BatchInput) -> String { "\(errors)/\(input.name).json" }
    func record(_ input: BatchInput) -> String { "\(records)/\(input.name).json" }
}
