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
            """,
        version: EdiagVersion.current,
        subcommands: [Diagnose.self, Validate.self, Rules.self, Schema.self, TestCommand.self, Batch.self, Import.self]
    )
}

enum EdiagVersion {
    static let current = "0.1.0"
}
