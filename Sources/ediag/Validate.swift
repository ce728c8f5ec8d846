import ArgumentParser
import EdiagModel

/// `ediag validate`: check profiles without running rules.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check plant profiles against the schema without running rules.",
        discussion: """
            Every problem is listed with file, line, column, field path and what was expected.

            Example:
              ediag validate examples/plants/*.yaml
            """)

    @Argument(help: "Plant profiles (YAML or JSON).")
    var profiles: [String]

    func run() throws {
        var bad = 0
        for path in profiles {
            do {
                let profile = try ProfileDecoder.load(path: path)
                for w in profile.warnings { print(w.description) }
                print("\(path): ok (\(profile.plantID), \(profile.sector))")
            } catch {
                bad += 1
                print(error.description)
            }
        }
        if bad > 0 {
            print("\(bad) of \(profiles.count) profile(s) have errors")
            throw ExitCode(1)
        }
    }
}
