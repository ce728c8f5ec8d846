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
    checkJSONReaderAgreesWithYams(bytes, file: file)
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

/// Differential check of the JSON fast path: whenever both `JSONSource` and Yams read the input, they
/// must give the same tree (values, scalar styles, line:column); documents the JSON reader refuses go
/// to Yams anyway. The one accepted difference: escaped surrogate pairs, which only the JSON reader
/// reads (Yams then fails).
private func checkJSONReaderAgreesWithYams(_ bytes: Data, file: String) {
    guard JSONSource.looksLikeJSON(bytes), let fast = try? JSONSource.read(bytes, file: file) else { return }
    guard let text = String(data: bytes, encoding: .utf8) else {
        preconditionFailure("the JSON reader accepted bytes that are not UTF-8")
    }
    guard let yams = try? SourceDocument.parse(text, file: file) else {
        let lowered = text.lowercased()
        precondition(["\\ud8", "\\ud9", "\\uda", "\\udb"].contains { lowered.contains($0) },
                     "the JSON reader accepted what Yams refuses: \(text.debugDescription)")
        return
    }
    precondition(fast == yams, "the JSON reader and Yams disagree on \(text.debugDescription)")
}
