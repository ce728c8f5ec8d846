import EdiagBench
import EdiagEngine
import EdiagModel
import EdiagReport
import Foundation
import Testing

/// The project folder (two levels above this file's folder).
private let projectRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

private func yamlFiles(in folder: String) -> [String] {
    let dir = projectRoot + "/" + folder
    return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted().map { dir + "/" + $0 }
}

/// The JSON writer as it was before the byte buffer (a `String` per number, a byte loop per
/// string): the oracle the faster writer must match byte for byte.
private enum ReferenceWriter {
    static func bytes(_ value: JSONValue, pretty: Bool) -> [UInt8] {
        var out: [UInt8] = []
        write(value, into: &out, indent: pretty ? 0 : nil)
        return out
    }

    private static func newline(_ out: inout [UInt8], indent: Int) {
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<(2 * indent) { out.append(UInt8(ascii: " ")) }
    }

    private static func write(_ value: JSONValue, into out: inout [UInt8], indent: Int?) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n):
            out.append(contentsOf: (n.isFinite ? NumberFormat.plain(NumberFormat.significant(n, digits: 10)) : "null").utf8)
        case .string(let s): escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { return out.append(contentsOf: "[]".utf8) }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if let indent { newline(&out, indent: indent + 1) }
                write(item, into: &out, indent: indent.map { $0 + 1 })
            }
            if let indent { newline(&out, indent: indent) }
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            if pairs.isEmpty { return out.append(contentsOf: "{}".utf8) }
            out.append(UInt8(ascii: "{"))
            for (i, pair) in pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if let indent { newline(&out, indent: indent + 1) }
                escape(pair.0, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                write(pair.1, into: &out, indent: indent.map { $0 + 1 })
            }
            if let indent { newline(&out, indent: indent) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "\n"): out.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\t"): out.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20: out.append(contentsOf: String(format: "\\u%04x", Int(byte)).utf8)
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

struct DiagnosisBytesTests {
    /// Every example plant, every portfolio plant and 40 generated plants serialise to the reference
    /// writer's bytes, pretty and compact, run record included.
    @Test func diagnosisDocumentsKeepTheirBytes() throws {
        let (packs, errors) = PackLoader.discover(roots: [projectRoot + "/rules", projectRoot + "/plugins"])
        #expect(errors.isEmpty)
        let runtime = try RuleRuntime(packs: packs)
        let record = RunRecord(ediagVersion: "test", packs: packs, configurationHash: "sha256:test", notes: ["a \"note\"\n"])
        let scratch = NSTemporaryDirectory() + "ediag-bytes-test-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let (generated, _) = try Workload.generate(count: 40, seed: 5, templates: yamlFiles(in: "examples/plants"), directory: scratch)
        let paths = yamlFiles(in: "examples/plants") + yamlFiles(in: "examples/portfolio") + generated
        #expect(paths.count > 70)
        var findings = 0
        for path in paths {
            let diagnosis = runtime.diagnose(try ProfileDecoder.load(path: path))
            findings += diagnosis.findings.count
            let document = DiagnosisJSON.document(diagnosis, run: record.with(diagnosis, inputHash: "sha256:input"))
            for pretty in [true, false] {
                #expect(document.serializedBytes(pretty: pretty) == ReferenceWriter.bytes(document, pretty: pretty), "\(path)")
            }
        }
        #expect(findings > 500)
    }
}
