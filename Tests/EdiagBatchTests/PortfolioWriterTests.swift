@testable import EdiagBatch
import EdiagEngine
import Foundation
import Testing

@Suite struct PortfolioWriterTests {
    /// Plants folded in reverse completion order, from their records read back from disk, give the portfolio files of the batch byte for byte.
    @Test func completionOrderDoesNotChangeThePortfolio() throws {
        let examples = BatchFixture.root + "/examples/plants"
        let packs = BatchFixture.standardPacks()
        let batch = try BatchFixture.folder("batch")
        let report = try BatchFixture.run([examples], out: batch, packs: packs)
        #expect(report.diagnosed > 10)

        let inputs = try ProfileDiscovery.inputs([examples])
        let out = try BatchFixture.folder("reversed")
        let options = BatchOptions(outputFolder: out, ediagVersion: "test")
        let run = BatchRunner(packs: packs, options: options).runRecord
        let writer = PortfolioWriter(layout: OutputLayout(folder: out), options: options, run: run, total: inputs.count)
        for (index, input) in inputs.enumerated().reversed() {
            let record = try #require(PlantRecord.read(path: batch + "/records/\(input.name).json"))
            try writer.add(PortfolioEntry(record), at: index)
        }
        try writer.finish()
        for file in ["portfolio.json", "portfolio.md", "plants.csv", "recommendations.csv"] {
            #expect(FileManager.default.contents(atPath: out + "/" + file) == FileManager.default.contents(atPath: batch + "/" + file),
                    "\(file) differs")
        }
    }

    /// A writer missing a plant refuses to finish, and a stopped one leaves no temporary file.
    @Test func missingPlantIsAnError() throws {
        let out = try BatchFixture.folder("missing")
        let options = BatchOptions(outputFolder: out, ediagVersion: "test")
        let writer = PortfolioWriter(layout: OutputLayout(folder: out), options: options,
                                     run: BatchRunner(packs: [], options: options).runRecord, total: 3)
        let input = BatchInput(file: "b.yaml", name: "b")
        let record = PlantRecord(failedInput: input, key: ResumeKey(run: BatchRunner(packs: [], options: options).runRecord,
                                                                    inputHash: "", outputs: "json"),
                                 problems: [.init(location: "1", path: "", reason: "bad")])
        try writer.add(PortfolioEntry(record), at: 0)
        try writer.add(PortfolioEntry(record), at: 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).contains { $0.contains(DiskOutput.temporaryMarker) })
        #expect(throws: BatchOutputError.self) { try writer.finish() }
        writer.stop()
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
    }
}
