import ArgumentParser

/// The `ediag` command line.
@main
struct Ediag: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ediag",
        abstract: "Industrial energy-saving diagnosis: limits, outdated equipment and measures, from Lua rules.",
        discussion: """
            Examples:
              ediag diagnose examples/plants/cement-laggard.yaml
              ediag diagnose plant.yaml --format json --output plant.diagnosis.json
              ediag validate examples/plants/*.yaml
              ediag rules list --sector cement
              ediag report plant.diagnosis.json --format html -o plant.html
              ediag plugins list
              ediag config show
            """,
        version: EdiagVersion.current,
        subcommands: [Diagnose.self, Report.self, Validate.self, Rules.self, Schema.self, TestCommand.self, Lint.self, Explain.self,
                      New.self, Plugins.self, ConfigCommand.self, Batch.self, Import.self, Generate.self, Bench.self]
    )
}

enum EdiagVersion {
    static let current = "0.1.0"
}
