import ArgumentParser
import EdiagEngine
import EdiagModel
import Foundation

/// `ediag test`: run the test cases that live with the packs.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the test cases in each pack's tests/ folder.",
        discussion: """
            Every case diagnoses its profile with all loaded packs and checks the findings it expects,
            field by field with tolerances. Only failures are detailed; the last line reads
            'N passed, N failed, N skipped'. A rule that fails to load, or a rule error during a case,
            is a failure.

            Examples:
              ediag test
              ediag test rules/cement --filter clinker
            """)

    @Argument(help: "Plugin folders whose tests to run (default: every plugin found).")
    var paths: [String] = []

    @OptionGroup var rules: RuleSourceOptions

    @Option(help: "Run only cases whose name or file contains this text.")
    var filter: String?

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
                (packs, packErrors, runtime) = (setup.packs, setup.packErrors, setup.runtime)
            } catch {
                print(error.description)
                throw ExitCode(2)
            }
        } else {
            (packs, packErrors) = rules.loadPacks(quiet: true)
            runtime = try RuleRuntime(packs: packs)
        }
        var failed = packErrors.count + runtime.loadErrors.count
        for e in runtime.loadErrors { print("FAIL load: \(e)") }
        for e in packErrors { print("FAIL load: \(e)") }
        let selected = paths.isEmpty ? packs : packs.filter { p in
            paths.contains { path in (p.directory as NSString).standardizingPath.hasSuffix((path as NSString).standardizingPath) || p.name == path }
        }
        let runner = PackTestRunner(runtime: runtime)
        var passed = 0, skipped = 0
        for file in PackTestRunner.caseFiles(in: selected) {
            let result: PackTestResult
            if let filter, !file.contains(filter) {
                // Matched by case name: read the case once and run it.
                guard let testCase = try? PackTestCase.load(path: file), testCase.name.contains(filter) else { continue }
                result = runner.run(testCase)
            } else {
                result = runner.run(file: file)
            }
            switch result.status {
            case .passed: passed += 1
            case .skipped:
                skipped += 1
                print("SKIP \(result.name) (\(result.file)): \(result.reason ?? "")")
            case .failed:
                failed += 1
                print("FAIL \(result.name) (\(result.file))")
                for f in result.failures { print("  - \(f)") }
            }
        }
        for pack in selected where PackTestRunner.caseFiles(in: [pack]).isEmpty {
            print("note: plugin \(pack.name) has no tests")
        }
        print("\(passed) passed, \(failed) failed, \(skipped) skipped")
        if failed > 0 { throw ExitCode(1) }
    }
}
