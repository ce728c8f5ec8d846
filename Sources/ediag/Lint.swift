import ArgumentParser
import EdiagEngine
import EdiagModel
import Foundation

/// `ediag lint`: check plugins without diagnosing anything.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check rule packs and plugins: metadata, tests, deprecated API, data tables.",
        discussion: """
            Errors: duplicate rule ids, titles missing a language, missing references,
            parameters without unit or default, defaults outside their bounds, unknown
            categories, files or data tables that do not load, rules without any test.
            Warnings: deprecated or removed API, parameters without a source, limit
            tables with non-monotonic grades, overlapping rows or gaps (some standards
            publish them so). Each message gives file:line and a fix hint; the exit code
            is 1 when there is an error.

            Examples:
              ediag lint                    # the project's rules/ and plugins/
              ediag lint rules/cement
              ediag lint rules plugins --errors-only
            """)

    @Argument(help: "Plugin folders, or folders of plugins (default: the project's rules/ and plugins/).")
    var paths: [String] = []

    @Flag(help: "Print errors only.")
    var errorsOnly = false

    func run() throws {
        let roots = paths.isEmpty ? RuleSourceOptions.defaultRoots() : paths
        let messages = RuleLinter().lint(roots: roots)
        let errors = messages.filter { $0.severity == .error }.count
        let warnings = messages.count - errors
        for m in messages where !errorsOnly || m.severity == .error { print(m.description) }
        print("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        if errors > 0 { throw ExitCode(1) }
    }
}
