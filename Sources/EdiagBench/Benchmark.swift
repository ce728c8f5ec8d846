public import EdiagEngine
public import EdiagModel
public import EdiagReport
import Foundation

/// Measures ediag on a set of plant files, phase by phase, and the plain-Lua baseline on the same
/// plants and rule files, in one run (docs/performance.md).
///
/// Every time is process CPU time, the median over `repeats` passes over all plants.
public struct Benchmark {
    public var roots: [String]
    public var plantPaths: [String]
    public var repeats: Int
    /// The `lua5.4` executable for the baseline, or nil to skip it.
    public var luaExecutable: String?
    /// `bench/baseline/run.lua`.
    public var baselineScript: String
    /// A scratch folder for the baseline's input.
    public var scratchDirectory: String
    /// Whether to measure each rule's cost in a separate pass (skipped when profiling the phases).
    public var measureRuleCosts = true
    /// `bench/baseline/sandboxed.lua` and ediag's prelude: the baseline again with the sandbox's
    /// Lua-side structure (run when both are set and the baseline runs).
    public var sandboxedScript: String?
    public var preludeFile: String?

    public init(roots: [String], plantPaths: [String], repeats: Int, luaExecutable: String?,
                baselineScript: String, scratchDirectory: String) {
        self.roots = roots
        self.plantPaths = plantPaths
        self.repeats = max(1, repeats)
        self.luaExecutable = luaExecutable
        self.baselineScript = baselineScript
        self.scratchDirectory = scratchDirectory
    }

    /// What one benchmark run measured.
    public struct Report: Sendable {
        public var plants = 0
        public var rules = 0
        public var repeats = 0
        /// Reading plugin folders (manifests, files, data tables), seconds.
        public var packLoadSeconds = 0.0
        /// Compiling every pack into a new Lua state (one worker's start), seconds.
        public var compileSeconds = 0.0
        /// Per plant, seconds.
        public var parseValidateSeconds = 0.0
        public var evaluationSeconds = 0.0
        public var economicsSeconds = 0.0
        public var serializationSeconds = 0.0
        /// Whole loop per plant (read, validate, diagnose, serialize), seconds.
        public var endToEndSeconds = 0.0
        public var peakResidentBytes = 0
        /// Rule id → mean seconds, instructions and peak bytes per plant.
        public var ruleCosts: [(rule: String, seconds: Double, instructions: Double, peakBytes: Double)] = []
        /// Evaluation of all plants in plain Lua (seconds per plant), when it ran.
        public var baselineEvaluationSeconds: Double?
        /// The same with ediag's prelude building the sandbox in plain Lua (no host), when it ran.
        public var sandboxedEvaluationSeconds: Double?
        /// Host calls the rules made, ediag (from its findings and outcomes) against the baseline.
        public var callCounts: [(name: String, ediag: Int, baseline: Int?)] = []
        public var baselineError: String?

        /// Whether the rules made the same host calls, method by method, in both runs.
        public var callsMatch: Bool {
            !callCounts.isEmpty && callCounts.allSatisfy { $0.baseline == $0.ediag }
        }

        public var plantsPerSecond: Double { endToEndSeconds > 0 ? 1 / endToEndSeconds : 0 }
        public var evaluationRatio: Double? {
            guard let b = baselineEvaluationSeconds, b > 0 else { return nil }
            return evaluationSeconds / b
        }
    }

    /// Runs every measurement.
    /// - Throws: when the packs or a plant cannot be read (the benchmark needs a valid set).
    public func run() throws -> Report {
        var report = Report()
        report.repeats = repeats
        report.plants = plantPaths.count

        var loads: [Double] = [], compiles: [Double] = []
        var packs: [RulePack] = []
        for _ in 0..<repeats {
            let t0 = CPUClock.now()
            let (loaded, errors) = PackLoader.discover(roots: roots)
            let t1 = CPUClock.now()
            if let first = errors.first { throw BenchmarkError("cannot load the packs: \(first)") }
            _ = try RuleRuntime(packs: loaded)
            let t2 = CPUClock.now()
            loads.append(Double(t1 - t0) / 1e9)
            compiles.append(Double(t2 - t1) / 1e9)
            packs = loaded
        }
        report.packLoadSeconds = median(loads)
        report.compileSeconds = median(compiles)

        var options = RuntimeOptions()
        options.phaseClock = { CPUClock.now() }
        let runtime = try RuleRuntime(packs: packs, options: options)
        report.rules = runtime.rules.count
        let record = RunRecord(ediagVersion: "bench", packs: packs)
        var parse: [Double] = [], evaluation: [Double] = [], economics: [Double] = []
        var serialization: [Double] = [], total: [Double] = []
        var ediagFailures = 0
        var ediagCounts: [String: Int] = [:]
        var profiles: [PlantProfile] = []
        for pass in 0..<repeats {
            let before = runtime.phaseTimes
            var parseNs: UInt64 = 0, serializeNs: UInt64 = 0
            var sink = 0
            let start = CPUClock.now()
            for path in plantPaths {
                let t0 = CPUClock.now()
                let profile = try ProfileDecoder.load(path: path)
                let t1 = CPUClock.now()
                let diagnosis = runtime.diagnose(profile)
                let t2 = CPUClock.now()
                let bytes = DiagnosisJSON.document(diagnosis, run: record.with(diagnosis, inputHash: profile.inputHash))
                    .serializedBytes()
                let t3 = CPUClock.now()
                sink &+= bytes.count
                parseNs += t1 - t0
                serializeNs += t3 - t2
                if pass == 0 {
                    profiles.append(profile)
                    ediagFailures += diagnosis.outcomes.filter { $0.status == .failed }.count
                }
            }
            let end = CPUClock.now()
            precondition(sink > 0)
            if pass == 0 {
                let c = runtime.hostCalls
                ediagCounts = ["calls.finding": c.finding, "calls.compliance": c.compliance, "calls.recommend": c.recommend,
                               "calls.not_applicable": c.notApplicable, "calls.insufficient_data": c.insufficientData,
                               "rule_failures": ediagFailures]
            }
            let n = Double(plantPaths.count)
            let after = runtime.phaseTimes
            parse.append(Double(parseNs) / 1e9 / n)
            evaluation.append(Double(after.evaluation - before.evaluation) / 1e9 / n)
            economics.append(Double((after.valuation - before.valuation) + (after.prioritization - before.prioritization)) / 1e9 / n)
            serialization.append(Double(serializeNs) / 1e9 / n)
            total.append(Double(end - start) / 1e9 / n)
        }
        report.parseValidateSeconds = median(parse)
        report.evaluationSeconds = median(evaluation)
        report.economicsSeconds = median(economics)
        report.serializationSeconds = median(serialization)
        report.endToEndSeconds = median(total)
        if measureRuleCosts { report.ruleCosts = try ruleCosts(packs: packs, profiles: profiles) }
        report.peakResidentBytes = CPUClock.peakResidentBytes()

        var baselineCounts: [String: Int] = [:]
        if let lua = luaExecutable {
            do {
                let (seconds, counts) = try runBaseline(lua: lua, packs: packs, profiles: profiles)
                report.baselineEvaluationSeconds = seconds / Double(profiles.count)
                baselineCounts = counts
                if let sandboxedScript, let preludeFile {
                    let (sandboxed, sandboxedCounts) = try runLua(lua, arguments: [sandboxedScript, preludeFile, workloadFile, String(repeats)])
                    if sandboxedCounts == counts {
                        report.sandboxedEvaluationSeconds = sandboxed / Double(profiles.count)
                    } else {
                        report.baselineError = "plain Lua with ediag's prelude made other host calls than the baseline: \(sandboxedCounts)"
                    }
                }
            } catch {
                report.baselineError = "\(error)"
            }
        }
        for name in Set(ediagCounts.keys).union(baselineCounts.keys).sorted() {
            report.callCounts.append((name, ediagCounts[name] ?? 0, luaExecutable == nil ? nil : baselineCounts[name] ?? 0))
        }
        return report
    }

    private func ruleCosts(packs: [RulePack], profiles: [PlantProfile]) throws -> [(rule: String, seconds: Double, instructions: Double, peakBytes: Double)] {
        var options = RuntimeOptions()
        options.collectCosts = true
        let runtime = try RuleRuntime(packs: packs, options: options)
        var sums: [String: (Double, Double, Double)] = [:]
        for profile in profiles {
            for c in runtime.diagnose(profile).costs {
                let s = sums[c.ruleID] ?? (0, 0, 0)
                sums[c.ruleID] = (s.0 + c.seconds, s.1 + Double(c.instructions), max(s.2, Double(c.peakBytes)))
            }
        }
        let n = Double(max(1, profiles.count))
        return sums.map { ($0.key, $0.value.0 / n, $0.value.1 / n, $0.value.2) }
            .sorted { $0.seconds != $1.seconds ? $0.seconds > $1.seconds : $0.rule < $1.rule }
    }

    private var workloadFile: String { scratchDirectory + "/baseline-workload.lua" }

    private func runBaseline(lua: String, packs: [RulePack], profiles: [PlantProfile]) throws -> (Double, [String: Int]) {
        try FileManager.default.createDirectory(atPath: scratchDirectory, withIntermediateDirectories: true)
        try Workload.baselineChunk(packs: packs, plants: profiles, economics: EconomicSettings())
            .write(toFile: workloadFile, atomically: true, encoding: .utf8)
        return try runLua(lua, arguments: [baselineScript, workloadFile, String(repeats)])
    }

    /// Runs a plain-Lua script that prints `evaluation_seconds`, call counts and rule failures.
    private func runLua(_ lua: String, arguments: [String]) throws -> (Double, [String: Int]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: lua)
        process.arguments = arguments
        let pipe = Pipe(), errors = Pipe()
        process.standardOutput = pipe
        process.standardError = errors
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchmarkError("plain Lua failed (\(lua) \(arguments.first ?? "")): \(errorText)")
        }
        var seconds: Double?
        var counts: [String: Int] = [:]
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2 else { continue }
            if parts[0] == "evaluation_seconds" { seconds = Double(parts[1]) }
            if parts[0].hasPrefix("calls.") || parts[0] == "rule_failures", let v = Int(parts[1]) { counts[String(parts[0])] = v }
        }
        guard let seconds else { throw BenchmarkError("\(arguments.first ?? "plain Lua") printed no evaluation_seconds") }
        return (seconds, counts)
    }
}

/// A benchmark that could not run.
public struct BenchmarkError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
