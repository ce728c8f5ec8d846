import ArgumentParser
import EdiagBatch
import Foundation

/// `ediag import`: turn data sheets into plant profiles.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn an agency's data sheets into plant profiles.",
        subcommands: [CSV.self])

    /// `ediag import csv`.
    struct CSV: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Turn a CSV plant sheet (one row per plant) and item sheets (one row per equipment item) into YAML profiles.",
            discussion: """
                Each column header of the plant sheet is a profile field path (plant.id, plant.sector,
                assessment.date, energy.electricity.consumption, products[1].output, …); each cell is
                written as in a YAML profile, unit included (86.5 GWh). An item sheet has a plant_id
                column and the item's fields. Every profile is validated; problems name the sheet,
                row and column, and no profile is written for a plant with errors (exit code 1).
                Templates: examples/import/. Column reference: docs/import.md.

                Examples:
                  ediag import csv examples/import/plants.csv --equipment examples/import/equipment.csv --out profiles/
                  ediag batch profiles/ --out portfolio/
                """)

        @Argument(help: "The plant sheet: one row per plant.")
        var file: String

        @Option(help: "An equipment sheet: one row per equipment item, keyed by plant_id (repeatable).")
        var equipment: [String] = []

        @Option(name: .customLong("process-units"), help: "A process-unit sheet: one row per unit, keyed by plant_id (repeatable).")
        var processUnits: [String] = []

        @Option(help: "The folder the profiles are written to (created when missing).")
        var out: String

        func run() throws {
            let sheets = equipment.map { (path: $0, list: SheetImport.ItemList.equipment) }
                + processUnits.map { (path: $0, list: SheetImport.ItemList.processUnits) }
            let profiles: [ImportedProfile]
            do {
                profiles = try SheetImport.profiles(plantSheet: file, itemSheets: sheets)
            } catch {
                Console.error(error.description)
                throw ExitCode(1)
            }
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            var bad = 0
            for profile in profiles {
                if !profile.issues.isEmpty {
                    bad += 1
                    for issue in profile.issues { Console.error(issue.description) }
                    continue
                }
                let path = out + "/" + profile.fileName
                try Console.write(profile.yaml, to: path)
                print("\(path): \(profile.plantID)")
            }
            if bad > 0 {
                Console.error("\(bad) of \(profiles.count) plant(s) have errors; no profile was written for them")
                throw ExitCode(1)
            }
        }
    }
}
