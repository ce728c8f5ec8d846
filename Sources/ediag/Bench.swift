import ArgumentParser
import EdiagBench
import EdiagEngine
import EdiagModel
import Foundation

/// `ediag generate`: realistic plant profiles for benchmarks and batch tests.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write N generated plant profiles (deterministic for a seed) for benchmarks and batch tests.",
        discussion: """
            Each plant varies one of the example plants (examples/plants/*.yaml): size, intensities,
            equipment counts and ages (docs/performance.md says how). Every profile validates.

            Example:
              ediag generate --count 1000 --seed 7 --out /tmp/plants --yaml
            """)

    @Option(help: "How many plants.") var count = 100
    @Option(help: "Seed of the generator: the same seed gives the same plants.") var seed: UInt64 = 1
    @Option(help: "Output folder.") var out: String
    @Flag(help: "Also write each plant as YAML.") var yaml = false
    @Option(help: "Template profiles (default: the project's examples/plants/*.yaml).") var template: [String] = []

    func run() throws {
        let templates = try BenchTemplates.resolve(template)
        let (paths, fallbacks) = try Workload.generate(count: count, seed: seed, templates: templates, directory: out, yaml: yaml)
        Console.error("wrote \(paths.count) plants to \(out) (\(fallbacks) kept their template's values)")
    }
}

/// `ediag bench`: ediag against the plain-Lua baseline, phase by phase.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmark: per-phase cost per plant, throughput, start-up, and the ratio to plain Lua.",
        discussion: """
            Generates plants, runs every pack over them `--repeats` times and reports medians of process
            CPU time. The plain-Lua baseline (lua5.4 running bench/baseline/run.lua over the same rule
            files and plants) is measured in the same run; the ratio is ediag's evaluation phase over it.
            See docs/performance.md.

            Examples:
              ediag bench
              ediag bench --plants 2000 --repeats 7 --json
            """)

    @Option(help: "Generated plants per pass.") var plants = 500
    @Option(help: "Seed of the generator.") var seed: UInt64 = 1
    @Option(help: "Passes over all plants (medians are reported).") var repeats = 5
    @Option(help: "The lua5.4 interpreter for the baseline.") var lua = "/usr/bin/lua5.4"
    @Flag(help: "Skip the plain-Lua baseline.") var noBaseline = false
    @Flag(help: "Skip the separate pass that measures each rule's cost (scripts/profile-phases uses this).") var noRuleCosts = false
    @Option(help: "Cold-process runs of `ediag diagnose` for the start-up time (0 to skip).") var startupRuns = 11
    @Flag(help: "Print JSON instead of a table.") var json = false
    @Option(help: "Keep the generated plants and the baseline's input in this folder (for profiling).") var keep: String?
    @Option(help: "Also run `ediag batch` (JSON only, no fsync) over this many generated plants with --jobs 1 and --jobs 2: throughput, scaling and peak memory (0 to skip).") var batchPlants = 0
    @Option(help: "With --batch-plants: also run a batch of this many plants to compare peak memory (0 to skip).") var memoryPlants = 0
    @OptionGroup var rules: RuleSourceOptions

    func run() throws {
        guard let home = ProjectHome.locate() else { throw ValidationError("cannot find the project folder (set EDIAG_HOME)") }
        let scratch = keep ?? NSTemporaryDirectory() + "ediag-bench-\(ProcessInfo.processInfo.processIdentifier)"
        defer { if keep == nil { try? FileManager.default.removeItem(atPath: scratch) } }
        let templates = try BenchTemplates.resolve([])
        let (paths, fallbacks) = try Workload.generate(count: plants, seed: seed, templates: templates, directory: scratch + "/plants")
        var bench = Benchmark(roots: rules.roots(), plantPaths: paths, repeats: repeats,
                              luaExecutable: noBaseline ? nil : lua,
                              baselineScript: home + "/bench/baseline/run.lua", scratchDirectory: scratch)
        bench.measureRuleCosts = !noRuleCosts
        bench.sandboxedScript = home + "/bench/baseline/sandboxed.lua"
        bench.preludeFile = home + "/Sources/EdiagEngine/Lua/prelude.lua"
        let report = try bench.run()
        let startup = startupRuns > 0 ? try startupSeconds(plant: paths[0], runs: startupRuns) : nil
        if json {
            print(BenchReportText.json(report, startupSeconds: startup, fallbacks: fallbacks))
        } else {
            print(BenchReportText.table(report, startupSeconds: startup, fallbacks: fallbacks), terminator: "")
        }
        if let error = report.baselineError { Console.error("baseline: \(error)") }
        if batchPlants > 0 {
            let templates = try BenchTemplates.resolve([])
            let dir = scratch + "/batch-plants"
            _ = try Workload.generate(count: batchPlants, seed: seed &+ 1, templates: templates, directory: dir)
            var lines = ["", "ediag batch over \(batchPlants) generated plants (JSON only, --no-sync; wall time, child peak memory)"]
            var rates: [Int: Double] = [:]
            for jobs in [1, 2] {
                let r = try batchRun(dir, out: scratch + "/batch-out-\(jobs)", jobs: jobs)
                rates[jobs] = Double(batchPlants) / r.seconds
                lines.append(String(format: "  --jobs %d   %8.2f s   %8.1f plants/s   peak %6.1f MiB   main thread %@ of the CPU time",
                                    jobs, r.seconds, Double(batchPlants) / r.seconds, Double(r.peakBytes) / 1_048_576,
                                    r.mainThreadShare.map { String(format: "%.1f %%", $0 * 100) } ?? "?"))
            }
            lines.append(String(format: "  scaling --jobs 2 / --jobs 1: %.2f× (wall time: needs a quiet machine; the main thread's share does not)",
                                rates[2]! / rates[1]!))
            if memoryPlants > 0 {
                let bigDir = scratch + "/memory-plants"
                _ = try Workload.generate(count: memoryPlants, seed: seed &+ 2, templates: templates, directory: bigDir)
                let r = try batchRun(bigDir, out: scratch + "/memory-out", jobs: 2)
                lines.append(String(format: "  %d plants, --jobs 2: %.2f s, %.1f plants/s, peak %.1f MiB", memoryPlants, r.seconds,
                                    Double(memoryPlants) / r.seconds, Double(r.peakBytes) / 1_048_576))
            }
            print(lines.joined(separator: "\n"))
        }
    }

    /// This ediag binary, to run it again as a child process.
    private static var executable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// Runs `ediag batch --timings` in a child process; wall seconds, the child's peak resident
    /// memory, and the share of its CPU time spent on the main thread (the part workers cannot share).
    private func batchRun(_ input: String, out: String, jobs: Int) throws -> (seconds: Double, peakBytes: Int, mainThreadShare: Double?) {
        let arguments = ["batch", input, "--out", out, "--jobs", String(jobs), "--no-sync", "--format", "json", "--timings"]
            + rules.ruleDirectories.flatMap { ["--rules", $0] }
        let log = out + ".log"
        let m = try ChildProcess.measure(Self.executable, arguments, errorFile: log)
        guard m.status == 0 else { throw ValidationError("ediag batch exited with \(m.status) on generated plants (see \(log))") }
        return (m.seconds, m.peakResidentBytes, Self.mainThreadShare(log: (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""))
    }

    /// The main thread's share of the CPU time from `ediag batch --timings` output
    /// (`main thread CPU  0.119 s of 8.391 s in all threads …`).
    static func mainThreadShare(log: String) -> Double? {
        guard let line = log.split(separator: "\n").first(where: { $0.hasPrefix("main thread CPU") }) else { return nil }
        let numbers = line.split(separator: " ").compactMap { Double($0) }
        guard numbers.count >= 2, numbers[1] > 0 else { return nil }
        return numbers[0] / numbers[1]
    }

    /// Median wall time of a cold `ediag diagnose PLANT --format json` (all packs loaded).
    private func startupSeconds(plant: String, runs: Int) throws -> Double {
        let arguments = ["diagnose", plant, "--format", "json", "--output", "/dev/null"] + rules.ruleDirectories.flatMap { ["--rules", $0] }
        var times: [Double] = []
        for _ in 0..<runs {
            // posix_spawn and wait4 directly: Foundation's Process adds its own polling delay to the wait.
            times.append(try ChildProcess.measure(Self.executable, arguments).seconds)
        }
        return times.sorted()[times.count / 2]
    }
}

enum BenchTemplates {
    static func resolve(_ given: [String]) throws -> [String] {
        if !given.isEmpty { return given }
        guard let home = ProjectHome.locate() else { throw ValidationError("cannot find the project folder (set EDIAG_HOME)") }
        let dir = home + "/examples/plants"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        let paths = names.filter { $0.hasSuffix(".yaml") }.sorted().map { dir + "/" + $0 }
        guard !paths.isEmpty else { throw ValidationError("no template profiles in \(dir)") }
        return paths
    }
}
