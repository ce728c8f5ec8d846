import EdiagModel
import Foundation

/// Line coverage of one rule file or module.
public struct FileCoverage: Sendable, Equatable {
    public var file: String
    /// Lines that hold code (sorted).
    public var executable: [Int]
    /// Lines that ran (sorted).
    public var hit: [Int]

    public init(file: String, executable: [Int], hit: [Int]) {
        self.file = file
        self.executable = executable
        self.hit = hit
    }
}

/// Everything `ediag test` ran and found.
public struct PackTestReport: Sendable {
    public var results: [PackTestResult] = []
    /// Rules of the tested packs that no case and no example mentions.
    public var untestedRules: [RuleMetadata] = []
    /// Golden files written by `--update`.
    public var updatedGoldens: [String] = []
    /// Line coverage of the tested packs' Lua files (empty unless asked for).
    public var coverage: [FileCoverage] = []

    public init() {}

    public var passed: Int { results.filter { $0.status == .passed }.count }
    public var failed: Int { results.filter { $0.status == .failed }.count }
    public var skipped: Int { results.filter { $0.status == .skipped }.count }

    /// The summary line: `N passed, N failed, N skipped`.
    public var summary: String { "\(passed) passed, \(failed) failed, \(skipped) skipped" }
}

/// Runs every test that lives with the selected packs: their `tests/*.yaml` cases, their rules'
/// examples and their golden files.
public struct PackTestSuite {
    /// What to run and how.
    public struct Options: Sendable {
        /// Run only tests whose name or file contains this text.
        public var filter: String?
        /// Derive and run the metamorphic variants of every case and example.
        public var metamorphic = true
        /// Rewrite golden files instead of comparing them.
        public var updateGoldens = false
        /// The project's `examples/plants` folder, whose plants every pack's goldens cover.
        public var projectExamples: String?

        public init() {}
    }

    public let runtime: RuleRuntime
    public let options: Options

    public init(runtime: RuleRuntime, options: Options) {
        self.runtime = runtime
        self.options = options
    }

    /// Runs the tests of `packs`; `allPacks` are searched for cases that mention the packs' rules.
    public func run(packs: [RulePack], allPacks: [RulePack]) -> PackTestReport {
        var report = PackTestReport()
        let runner = PackTestRunner(runtime: runtime, metamorphic: options.metamorphic)
        func selected(_ name: String, _ file: String) -> Bool {
            guard let filter = options.filter else { return true }
            return name.contains(filter) || file.contains(filter)
        }
        let mentioned = Self.testedRuleIDs(packs: allPacks, runtime: runtime)
        for pack in packs {
            for file in PackTestRunner.caseFiles(in: [pack]) {
                // Read once: the filter may match the case's name rather than its file.
                do {
                    let testCase = try PackTestCase.load(path: file)
                    guard selected(testCase.name, file) else { continue }
                    report.results.append(runner.run(testCase, pack: pack.name))
                } catch {
                    guard selected("", file) else { continue }
                    report.results.append(PackTestResult(name: file, file: file, pack: pack.name, status: .failed,
                                                         failures: [TestFailure(location: error.location.description, message: "cannot read the test: \(error.message)")]))
                }
            }
            for rule in runtime.rules where rule.pack == pack.name {
                for example in runtime.examples[rule.id] ?? [] {
                    let name = "\(rule.id) example: \(example.name)"
                    guard selected(name, example.location.description) else { continue }
                    do {
                        report.results.append(runner.run(try example.testCase(), kind: .example, pack: pack.name))
                    } catch {
                        report.results.append(PackTestResult(name: name, file: example.location.description, kind: .example, pack: pack.name,
                                                             status: .failed, failures: [TestFailure(location: error.location.description, rule: rule.id, message: error.message)]))
                    }
                }
            }
            report.results += goldens(of: pack, report: &report, selected: selected)
        }
        let tested = Set(packs.map(\.name))
        report.untestedRules = runtime.rules.filter { tested.contains($0.pack) && !mentioned.contains($0.id) }
        report.coverage = coverage(of: packs)
        return report
    }

    /// The rules some case in `packs` mentions (expected, outcome or absent) or that carry examples.
    public static func testedRuleIDs(packs: [RulePack], runtime: RuleRuntime) -> Set<String> {
        var mentioned = Set(runtime.examples.filter { !$0.value.isEmpty }.keys)
        for file in PackTestRunner.caseFiles(in: packs) {
            guard let testCase = try? PackTestCase.load(path: file) else { continue }
            mentioned.formUnion(testCase.expectations.map(\.rule) + testCase.outcomes.map(\.rule) + testCase.absent.map(\.rule))
        }
        return mentioned
    }

    private func goldens(of pack: RulePack, report: inout PackTestReport, selected: (String, String) -> Bool) -> [PackTestResult] {
        let rules = Set(runtime.rules.filter { $0.pack == pack.name }.map(\.id))
        let fm = FileManager.default
        // A pack opts in by having tests/golden/ (`--update` creates it); lint warns when it is missing.
        guard !rules.isEmpty, options.updateGoldens || fm.fileExists(atPath: GoldenFile.directory(of: pack)) else { return [] }
        var results: [PackTestResult] = []
        var expectedFiles = Set<String>()
        for plant in GoldenFile.examplePlants(for: pack, projectExamples: options.projectExamples) {
            let file = GoldenFile.path(of: pack, plant: plant)
            let name = "golden \(pack.name) on \((plant as NSString).lastPathComponent)"
            guard selected(name, file) else { continue }
            let actual: String?
            do {
                let diagnosis = runtime.diagnose(try ProfileDecoder.load(path: plant))
                let failedRules = diagnosis.outcomes.filter { rules.contains($0.ruleID) && $0.status == .failed }
                if !failedRules.isEmpty {
                    results.append(PackTestResult(name: name, file: file, kind: .golden, pack: pack.name, status: .failed,
                                                  failures: failedRules.map { TestFailure(location: plant, rule: $0.ruleID, message: "the rule failed: \($0.detail)") }))
                    continue
                }
                actual = GoldenFile.render(diagnosis, pack: pack.name, rules: rules, plant: plant)
            } catch {
                results.append(PackTestResult(name: name, file: file, kind: .golden, pack: pack.name, status: .failed,
                                              failures: [TestFailure(location: plant, message: "the example plant is invalid:\n\(error.description)")]))
                continue
            }
            guard let actual else { continue }
            expectedFiles.insert(file)
            let stored = fm.contents(atPath: file).map { String(decoding: $0, as: UTF8.self) }
            if stored == actual { results.append(PackTestResult(name: name, file: file, kind: .golden, pack: pack.name, status: .passed, failures: [])); continue }
            if options.updateGoldens {
                do {
                    try fm.createDirectory(atPath: GoldenFile.directory(of: pack), withIntermediateDirectories: true)
                    try actual.write(toFile: file, atomically: true, encoding: .utf8)
                    report.updatedGoldens.append(file)
                    results.append(PackTestResult(name: name, file: file, kind: .golden, pack: pack.name, status: .passed, failures: []))
                } catch {
                    results.append(PackTestResult(name: name, file: file, kind: .golden, pack: pack.name, status: .failed,
                                                  failures: [TestFailure(location: file, message: "cannot write the golden file: \(error)")]))
                }
                continue
            }
            let message: String
            var location = file
            if let stored {
                let a = stored.split(separator: "\n", omittingEmptySubsequences: false), b = actual.split(separator: "\n", omittingEmptySubsequences: false)
                location += ":\((zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)) + 1)"
                message = "the output differs from the golden file (- golden, + now); if the change is intended, run 'ediag test --update' and review the diff:\n"
                    + GoldenFile.diff(expected: stored, actual: actual).joined(separator: "\n")
            } else {
                message = "no golden file yet for this plant; run 'ediag test --update' to write it"
            }
            results.append(PackTestResult(name: name, file: file, kind: .golden, pack: pack.name, status: .failed,
                                          failures: [TestFailure(location: location, message: message)]))
        }
        // Golden files whose plant no longer reports anything (or is gone).
        let dir = GoldenFile.directory(of: pack)
        for entry in ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).sorted() where entry.hasSuffix(".txt") {
            let file = dir + "/" + entry
            guard !expectedFiles.contains(file), options.filter == nil || file.contains(options.filter!) else { continue }
            if options.updateGoldens {
                try? fm.removeItem(atPath: file)
                report.updatedGoldens.append(file + " (removed)")
                continue
            }
            results.append(PackTestResult(name: "golden \(pack.name) \(entry)", file: file, kind: .golden, pack: pack.name, status: .failed,
                                          failures: [TestFailure(location: file, message: "no example plant gives this output any more; run 'ediag test --update' to remove it")]))
        }
        return results
    }

    private func coverage(of packs: [RulePack]) -> [FileCoverage] {
        let files = Set(packs.flatMap { $0.ruleFiles.map(\.path) + $0.modules.values.map(\.path) })
        var recorded = Dictionary(uniqueKeysWithValues: runtime.coverage().map { ($0.file, $0) })
        guard !recorded.isEmpty else { return [] }
        // A module no rule required never ran: all of it is missed, but its lines are unknown.
        for file in files where recorded[file] == nil { recorded[file] = FileCoverage(file: file, executable: [], hit: []) }
        return recorded.values.filter { files.contains($0.file) }.sorted { $0.file < $1.file }
    }
}
