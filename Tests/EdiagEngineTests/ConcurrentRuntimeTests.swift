import EdiagEngine
import EdiagModel
import EdiagReport
import Foundation
import Testing

/// Several rule runtimes on threads at once — what a batch run does — give each plant the same
/// diagnosis as a run alone. Under `scripts/sanitize` this runs with the thread sanitizer, which
/// reports any state the runtimes share without synchronisation (C statics, Swift globals).
@Suite struct ConcurrentRuntimeTests {
    @Test func runtimesOnThreadsMatchASingleRun() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let (packs, errors) = PackLoader.discover(roots: [root.appendingPathComponent("rules").path, root.appendingPathComponent("plugins").path])
        #expect(errors.isEmpty)
        let plantsDirectory = root.appendingPathComponent("examples/plants")
        let names = try FileManager.default.contentsOfDirectory(atPath: plantsDirectory.path).filter { $0.hasSuffix(".yaml") }.sorted()
        let profiles = try names.map { name in
            try ProfileDecoder.decode(try SourceDocument.load(path: plantsDirectory.appendingPathComponent(name).path), source: name)
        }
        let alone = try RuleRuntime(packs: packs)
        let expected = profiles.map { DiagnosisJSON.document(alone.diagnose($0), run: nil).serialized() }

        let workers = 4
        let results = ResultBox(count: profiles.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            guard let runtime = try? RuleRuntime(packs: packs) else { return }
            for index in stride(from: worker, to: profiles.count, by: workers) {
                results.set(index, DiagnosisJSON.document(runtime.diagnose(profiles[index]), run: nil).serialized())
            }
        }
        #expect(results.values == expected)
    }
}

/// Results written by several threads, each to its own slot.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [String?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: String) { lock.withLock { slots[index] = value } }
    var values: [String] { lock.withLock { slots.compactMap { $0 } } }
}
