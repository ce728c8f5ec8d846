import ArgumentParser
import EdiagReport

/// `ediag schema profile`: print the JSON Schema of plant profiles.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a JSON Schema for editors.",
        discussion: "Example: ediag schema profile > profile.schema.json")

    enum Kind: String, ExpressibleByArgument { case profile }

    @Argument(help: "Which schema: profile.") var kind: Kind

    func run() throws {
        print(ProfileJSONSchema.document(), terminator: "")
    }
}
