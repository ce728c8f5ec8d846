import EdiagModel
import Foundation
import FuzzSupport

/// libFuzzer entry: the input is a plant profile, YAML or JSON (the first byte picks the file name
/// the decoder is told, as the format follows the extension). Any outcome but a crash or a hang is
/// fine: a profile either decodes or fails with a located `ProfileError`/`DocumentError`.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzProfile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Data(bytes: data, count: size)
    let file = (bytes.first ?? 0) & 1 == 0 ? "fuzz.yaml" : "fuzz.json"
    do {
        let document = try SourceDocument.parse(bytes, file: file)
        let profile = try ProfileDecoder.decode(document, source: file)
        // Reading every value must not trap either (units were converted, numbers are finite).
        for warning in profile.warnings { _ = warning.description }
        precondition(profile.plantID.isEmpty == false, "a decoded profile has a plant id")
    } catch {
        _ = "\(error)"
    }
    return 0
}
