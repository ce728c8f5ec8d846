import ArgumentParser
import EdiagEngine
import EdiagModel
import EdiagReport
import Foundation

/// `ediag test`: run the tests that live with the packs.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run each pack's tests: tests/ cases, rule examples, golden files and metamorphic checks.",
        discussion: """
            Every case diagnoses its profile with all loaded packs and checks the
            findings it expects, field by field with tolerances; each case's profile is
            also rewritten (other units, reordered lists, x_ fields) and must give the
            same findings. Each rule's examples run the same way. Golden files
            (tests/golden/*.txt) pin each pack's full output on the example plants;
            --update rewrites them. Only failures are detailed; the last line reads 'N
            passed, N failed, N skipped'. A rule that fails to load, or a rule error
            during a case, is a failure; rules without any test are listed.

            Examples:
              ediag test
              ediag test rules/cement --filter clinker
              ediag test --update      # rewrite golden files; review the diff
              ediag test --coverage --min-coverage 90
              ediag test --junit test-results.xml
            """)

    @Argument(help: "Plugin folders whose tests to run (default: every plugin found).")
    var paths: [String] = []

    @OptionGroup var rules: RuleSourceOptions

    @Option(help: "Run only tests whose name or file contains this text.")
    var filter: String?

    @Flag(help: "Rewrite the golden files from the current output instead of comparing.")
    var update = false

    @Flag(help: "Print the results as JSON (schema ediag/test-report@1) instead of text.")
    var json = false

    @Option(help: "Also write the results as JUnit XML to this file.")
    var junit: String?

    @Flag(help: "Measure line coverage of the tested rule files (per file, with missed lines).")
    var coverage = false

    @Option(help: "Fail when line coverage is below this percent (implies --coverage).")
    var minCoverage: Double?

    @Flag(help: "Skip the metamorphic variants (units, order, x_ fields) of each case.")
    var noMetamorphic = false

    @Option(help: "Run the cases under this configuration file (by default tests ignore ediag.yaml, so they are hermetic).")
    var config: String?

    func run() throws {
        let packs: [RulePack], packErrors: [PackError], runtime: RuleRuntime
        if let config {
            var request = RunRequest(searchPath: rules.searchPath())
            request.configFile = config
            request.useWorkingFolderConfig = false
            request.lockPolicy = .skip
            do {
                let setup = try RunSetup.prepare(request)
                var options = setup.options
                options.coverage = coverage || minCoverage != nil
                (packs, packErrors) = (setup.packs, setup.packErrors)
                runtime = options.coverage ? try RuleRuntime(packs: setup.packs, options: options) : setup.runtime
            } catch {
                print("\(error)")
                throw ExitCode(2)
            }
        } else {
            (packs, packErrors) = rules.loadPacks(quiet: true)
            var runtimeOptions = RuntimeOptions()
            runtimeOptions.coverage = coverage || minCoverage != nil
            runtime = try RuleRuntime(packs: packs, options: runtimeOptions)
        }
        let selected = paths.isEmpty ? packs : packs.filter { p in
            paths.contains { path in (p.directory as NSString).standardizingPath.hasSuffix((path as NSString).standardizingPath) || p.name == path }
        }
        if !paths.isEmpty, selected.isEmpty {
            throw ValidationError("No plugin found at \(paths.joined(separator: ", ")); plugins found: \(packs.map(\.directory).joined(separator: ", "))")
        }
        var options = PackTestSuite.Options()
        options.filter = filter
        options.metamorphic = !noMetamorphic
        options.updateGoldens = update
        options.projectExamples = ProjectHome.examplePlants()
        var report = PackTestSuite(runtime: runtime, options: options).run(packs: selected, allPacks: packs)
        let loadFailures = (packErrors + runtime.loadErrors).map { e in
            PackTestResult(name: "load \(e.location.file)", file: e.location.file, status: .failed,
                           failures: [TestFailure(location: e.location.description, rule: e.ruleID, message: "cannot load: \(e.message)")])
        }
        report.results = loadFailures + report.results
        var belowMinimum = false
        if let minCoverage {
            let total = CoverageSummary(report.coverage)
            belowMinimum = total.percent < minCoverage
        }
        if json {
            print(TestReportJSON.document(report).serialized())
        } else {
            var text = TestReportText.text(report)
            if belowMinimum, let minCoverage {
                text = text.replacingOccurrences(of: report.summary + "\n", with: "")
                text += "coverage \(NumberFormat.grouped(CoverageSummary(report.coverage).percent, decimals: 1))% is below the minimum \(NumberFormat.plain(minCoverage))%\n"
                text += report.summary + "\n"
            }
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        if let junit { try Console.write(JUnitReport.xml(report), to: junit) }
        if report.failed > 0 || belowMinimum { throw ExitCode(1) }
    }
}
