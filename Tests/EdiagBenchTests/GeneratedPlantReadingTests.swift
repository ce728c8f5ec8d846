import EdiagBench
import EdiagModel
import Foundation
import Testing

/// The project folder (three levels above this file).
private let projectRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

struct GeneratedPlantReadingTests {
    /// 300 generated plants, as the benchmark and batches write them (compact JSON), read to the same
    /// tree — values, scalar styles, line:column positions — through the JSON reader as through Yams.
    @Test func jsonReaderAgreesWithYamsOnGeneratedPlants() throws {
        let dir = projectRoot + "/examples/plants"
        let templates = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".yaml") }.map { dir + "/" + $0 }
        var generator = try PlantGenerator(templatePaths: templates)
        for index in 0..<300 {
            let text = ProfileText.json(generator.plant(index: index, seed: 7))
            let file = "plant-\(index).json"
            let fast = try JSONSource.read(Data(text.utf8), file: file)
            let yams = try SourceDocument.parse(text, file: file)
            #expect(fast == yams, "plant \(index)")
            #expect(try SourceDocument.parse(Data(text.utf8), file: file) == yams)
        }
    }
}
