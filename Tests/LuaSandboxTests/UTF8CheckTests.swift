import Testing
import LuaSandbox

/// `UTF8Check` must accept exactly what `String(validating:as:)` accepts: it replaced it on the
/// path every text a rule reports takes.
@Suite struct UTF8CheckTests {
    private func standard(_ bytes: [UInt8]) -> Bool { String(validating: bytes, as: UTF8.self) != nil }
    private func check(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { UTF8Check.isValid($0) } }

    /// Every sequence of up to three bytes from the boundary values of each byte class agrees.
    @Test func boundarySequencesAgreeWithTheStandardLibrary() {
        let edges: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC,
                              0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        var disagreements: [[UInt8]] = []
        for a in edges {
            for b in edges {
                for c in edges {
                    for bytes in [[a], [a, b], [a, b, c], [a, b, c, 0x80], [a, b, c, 0xBF], [0x41, a, b, c, 0x80, 0x41, 0x41, 0x41, 0x41]]
                    where check(bytes) != standard(bytes) {
                        disagreements.append(bytes)
                    }
                }
            }
        }
        #expect(disagreements.isEmpty, "first: \(disagreements.prefix(5))")
    }

    /// Long mixed texts (the eight-byte ASCII step and multi-byte scalars across its boundaries) agree,
    /// valid or cut anywhere.
    @Test func mixedTextsAgreeWithTheStandardLibrary() {
        let text = Array("吨熟料综合能耗 kgce/t: 105.2 ≤ 107 (GB 16780-2021) 😀 plain ASCII tail of some length".utf8)
        #expect(check(text))
        for cut in 0...text.count {
            let prefix = Array(text[..<cut])
            #expect(check(prefix) == standard(prefix), "cut at \(cut)")
            var broken = text
            broken[cut % text.count] = 0xFF
            #expect(!check(broken))
        }
    }
}
