import ArgumentParser
import EdiagReport

/// `ediag schema profile`: print the JSON Schema of plant profiles.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a JSON Schema for editors.",
        discussion: "Examples:\n  ediag schema profile > profile.schema.json\n  ediag schema profile --format markdown > docs/profile.md\n  ediag schema profile --format luals > editor/lua/profile.lua")

    enum Kind: String, ExpressibleByArgument { case profile }

    enum Format: String, ExpressibleByArgument { case json, markdown, luals }

    @Argument(help: "Which schema: profile.") var kind: Kind

    @Option(help: "json (JSON Schema, default), markdown (the reference in docs/profile.md) or luals (editor/lua/profile.lua).")
    var format: Format = .json

    func run() throws {
        switch format {
        case .json: print(ProfileJSONSchema.document(), terminator: "")
        case .markdown: print(ProfileSchemaMarkdown.document(), terminator: "")
        case .luals: print(ProfileLuaDefinitions.document(), terminator: "")
        }
    }
}
