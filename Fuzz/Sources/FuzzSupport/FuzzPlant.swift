public import EdiagModel
import Foundation

/// The plant every fuzz target that runs rules diagnoses: the bundled `mixed-equipment` example, so
/// that the rules under test meet a realistic profile.
public enum FuzzPlant {
    public static let profile: PlantProfile = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../examples/plants/mixed-equipment.yaml").standardizedFileURL.path
        do {
            return try ProfileDecoder.decode(try SourceDocument.load(path: path), source: path)
        } catch {
            fatalError("the fuzz plant must decode: \(error)")
        }
    }()
}
