import EdiagBatch
import EdiagEngine
import EdiagModel
import EdiagReport
import Foundation
import Testing

@Suite struct BatchRunnerTests {
    /// Bad profiles among good ones get error records naming file, line:column, field and reason; the others complete.
    @Test func badProfilesAmongGood() throws {
        let input = try BatchFixture.folder("in")
        try BatchFixture.write([
            "a.yaml": BatchFixture.profile(id: "P-A"),
            "b/c.yaml": BatchFixture.profile(id: "P-C"),
            "broken.yaml": "plant: {id: X, name: X, sector: cement\nassessment: [",
            "wrong.yaml": BatchFixture.profile(id: "P-W").replacingOccurrences(of: "10 GWh", with: "-10 GWh"),
            "notes.txt": "not a profile",
        ], in: input)
        let out = try BatchFixture.folder("out")
        let report = try BatchFixture.run([input], out: out, packs: [try BatchFixture.testPack()])
        #expect(report.total == 4)
        #expect(report.diagnosed == 2)
        #expect(report.failed == 2)
        #expect(!report.succeeded)
        let files = Set(BatchFixture.snapshot(out).keys)
        #expect(files.isSuperset(of: ["plants/a.json", "plants/a.md", "plants/b--c.json", "errors/broken.json", "errors/wrong.json"]))
        #expect(!files.contains("plants/wrong.json"))
        let wrong = try #require(FileManager.default.contents(atPath: out + "/errors/wrong.json")).utf8String
        #expect(wrong.contains("\"schema\": \"ediag/batch-error@1\""))
        #expect(wrong.contains("\"file\": \"\(input)/wrong.yaml\""))
        #expect(wrong.contains("\"location\": \"4:"))
        #expect(wrong.contains("\"path\": \"energy.electricity.consumption\""))
        let broken = try #require(FileManager.default.contents(atPath: out + "/errors/broken.json")).utf8String
        #expect(broken.contains("syntax error"))
        let portfolio = try #require(FileManager.default.contents(atPath: out + "/portfolio.json")).utf8String
        #expect(portfolio.contains("\"failed\": 2"))
        #expect(portfolio.contains("\"reason\": \"energy.electricity.consumption: "))
    }

    /// A rule that fails on one plant gives that plant an error record with the rule's location; the report is still written.
    @Test func ruleErrorInOnePlant() throws {
        let input = try BatchFixture.folder("in")
        try BatchFixture.write(["ok.yaml": BatchFixture.profile(id: "P-OK"), "fail.yaml": BatchFixture.profile(id: "P-FAIL")], in: input)
        let out = try BatchFixture.folder("out")
        let report = try BatchFixture.run([input], out: out, packs: [try BatchFixture.testPack()])
        #expect(report.diagnosed == 2)
        #expect(report.failed == 0)
        #expect(report.withRuleErrors == 1)
        #expect(!report.succeeded)
        let error = try #require(FileManager.default.contents(atPath: out + "/errors/fail.json")).utf8String
        #expect(error.contains("\"status\": \"rule_errors\""))
        #expect(error.contains("\"path\": \"batchtest.check\""))
        #expect(error.contains("/check.lua:1"))
        #expect(error.contains("deliberate failure"))
        #expect(FileManager.default.fileExists(atPath: out + "/plants/fail.json"))
        #expect(!FileManager.default.fileExists(atPath: out + "/errors/ok.json"))
        let csv = try #require(FileManager.default.contents(atPath: out + "/plants.csv")).utf8String
        #expect(csv.contains("/fail.yaml,ok,0,0,0,0,0,0,0,1,\r\n"))
    }

    /// One and two workers write byte-identical output folders.
    @Test func jobsDoNotChangeOutput() throws {
        let packs = BatchFixture.standardPacks()
        let examples = BatchFixture.root + "/examples/plants"
        let one = try BatchFixture.folder("one"), two = try BatchFixture.folder("two")
        let a = try BatchFixture.run([examples], out: one, packs: packs, jobs: 1)
        let b = try BatchFixture.run([examples], out: two, packs: packs, jobs: 2)
        #expect(a.diagnosed == b.diagnosed)
        #expect(a.diagnosed > 10)
        BatchFixture.expectSameFiles(one, two)
    }

    /// A rerun after a partial run (records missing, stale temporary files, a changed input) ends byte-identical to an uninterrupted run.
    @Test func resumeGivesTheUninterruptedOutput() throws {
        let pack = try BatchFixture.testPack()
        let input = try BatchFixture.folder("in")
        var files: [String: String] = [:]
        for i in 1...8 { files["p\(i).yaml"] = BatchFixture.profile(id: "P-\(i)") }
        files["bad.yaml"] = "plant: ["
        try BatchFixture.write(files, in: input)
        let reference = try BatchFixture.folder("ref")
        _ = try BatchFixture.run([input], out: reference, packs: [pack])

        let out = try BatchFixture.folder("out")
        try BatchFixture.write(["p3.yaml": BatchFixture.profile(id: "P-OLD")], in: input)
        _ = try BatchFixture.run([input], out: out, packs: [pack])
        try BatchFixture.write(["p3.yaml": files["p3.yaml"]!], in: input)
        // An interruption: some plants never got their record, a temporary file was left, no portfolio yet.
        for name in ["p5", "p7", "bad"] { try FileManager.default.removeItem(atPath: out + "/records/\(name).json") }
        for name in ["portfolio.json", "plants.csv"] { try FileManager.default.removeItem(atPath: out + "/\(name)") }
        try BatchFixture.write(["plants/.p6.json.ediag-partial-999": "{\"half"], in: out)

        // A report deleted by hand is written again even though its record is there.
        try FileManager.default.removeItem(atPath: out + "/plants/p8.md")
        let rerun = try BatchFixture.run([input], out: out, packs: [pack], jobs: 2)
        #expect(rerun.reused == 4)
        BatchFixture.expectSameFiles(reference, out)
    }

    /// A full disk stops the batch with an error naming the file; results written before stay intact and no temporary file is left.
    @Test func fullDiskKeepsEarlierResults() throws {
        let pack = try BatchFixture.testPack()
        let input = try BatchFixture.folder("in")
        try BatchFixture.write(["a.yaml": BatchFixture.profile(id: "P-A"), "b.yaml": BatchFixture.profile(id: "P-B")], in: input)
        let out = try BatchFixture.folder("out")
        _ = try BatchFixture.run([input], out: out, packs: [pack])
        let before = BatchFixture.snapshot(out)
        try BatchFixture.write(["a.yaml": BatchFixture.profile(id: "P-A2"), "b.yaml": BatchFixture.profile(id: "P-B2")], in: input)
        #expect {
            _ = try BatchFixture.run([input], out: out, packs: [pack], store: FullDisk(budget: 1))
        } throws: { error in
            let e = error as? BatchOutputError
            return e?.reason == String(cString: strerror(ENOSPC)) && e?.path.hasPrefix(out + "/plants/") == true
        }
        let after = BatchFixture.snapshot(out)
        #expect(!after.keys.contains { $0.contains(".ediag-partial") })
        // The one file written before the disk filled is complete; every other file is as before.
        let changed = after.keys.filter { after[$0] != before[$0] }
        #expect(changed.count <= 1)
        #expect(Set(after.keys) == Set(before.keys))
    }

    /// An output folder that cannot be created (a file is in the way) gives an error naming the path.
    @Test func outputFolderBlockedByAFile() throws {
        let input = try BatchFixture.folder("in")
        try BatchFixture.write(["a.yaml": BatchFixture.profile(id: "P-A")], in: input)
        let parent = try BatchFixture.folder("out")
        try "x".write(toFile: parent + "/out", atomically: true, encoding: .utf8)
        #expect {
            _ = try BatchFixture.run([input], out: parent + "/out", packs: [try BatchFixture.testPack()])
        } throws: { error in
            (error as? BatchOutputError)?.description.contains("cannot write \(parent)/out") == true
        }
    }

    /// A read-only output folder gives an error naming the path and leaves earlier results intact (not as root: root may write anywhere).
    @Test(.enabled(if: geteuid() != 0)) func readOnlyOutputFolder() throws {
        let pack = try BatchFixture.testPack()
        let input = try BatchFixture.folder("in")
        try BatchFixture.write(["a.yaml": BatchFixture.profile(id: "P-A")], in: input)
        let out = try BatchFixture.folder("out")
        _ = try BatchFixture.run([input], out: out, packs: [pack])
        let before = BatchFixture.snapshot(out)
        try BatchFixture.write(["a.yaml": BatchFixture.profile(id: "P-A2")], in: input)
        chmod(out + "/plants", 0o555)
        defer { chmod(out + "/plants", 0o755) }
        #expect {
            _ = try BatchFixture.run([input], out: out, packs: [pack])
        } throws: { error in
            (error as? BatchOutputError)?.path.hasPrefix(out + "/plants/") == true
        }
        #expect(BatchFixture.snapshot(out) == before)
    }

    /// Extra renderers write one more file per plant from the diagnosis document; each phase's time is counted.
    @Test func extraRenderersAndPhaseTimings() throws {
        let input = try BatchFixture.folder("in")
        try BatchFixture.write(["a.yaml": BatchFixture.profile(id: "P-A"), "bad.yaml": "plant: ["], in: input)
        let out = try BatchFixture.folder("out")
        var options = BatchOptions(outputFolder: out, ediagVersion: "test")
        options.extraRenderers["txt"] = { document in
            guard case .object(let pairs) = document, let schema = pairs.first(where: { $0.0 == "schema" })?.1,
                  case .string(let text) = schema else { return "no schema" }
            return text
        }
        let seen = Counter()
        options.progress = { p in seen.add(p.done) }
        let report = try BatchRunner(packs: [try BatchFixture.testPack()], options: options).run(try ProfileDiscovery.inputs([input]))
        #expect(try String(contentsOfFile: out + "/plants/a.txt", encoding: .utf8) == "ediag/diagnosis@1")
        #expect(!FileManager.default.fileExists(atPath: out + "/plants/bad.txt"))
        #expect(seen.values.sorted() == [1, 2])
        let t = report.timings
        #expect(t.parseValidate > 0 && t.evaluation > 0 && t.economicsPrioritization >= 0 && t.serialization > 0 && t.writing > 0)

        options.extraRenderers["txt"] = { _ in throw CocoaError(.featureUnsupported) }
        try BatchFixture.write(["a.yaml": BatchFixture.profile(id: "P-A2")], in: input)
        #expect {
            _ = try BatchRunner(packs: [try BatchFixture.testPack()], options: options).run(try ProfileDiscovery.inputs([input]))
        } throws: { error in
            (error as? BatchOutputError)?.description.hasPrefix("cannot write \(out)/plants/a.txt: the txt renderer failed") == true
        }
    }

    /// A runtime compiled before the batch (as `RunSetup` does) serves the first worker: same output, phase times still counted.
    @Test func preparedRuntimeServesTheFirstWorker() throws {
        let pack = try BatchFixture.testPack()
        let input = try BatchFixture.folder("in")
        try BatchFixture.write(["a.yaml": BatchFixture.profile(id: "P-A"), "b.yaml": BatchFixture.profile(id: "P-FAIL")], in: input)
        let reference = try BatchFixture.folder("ref")
        _ = try BatchFixture.run([input], out: reference, packs: [pack])
        let out = try BatchFixture.folder("out")
        var runtimeOptions = RuntimeOptions()
        runtimeOptions.phaseClock = { UInt64(DispatchTime.now().uptimeNanoseconds) }
        let prepared = try RuleRuntime(packs: [pack], options: runtimeOptions)
        var options = BatchOptions(outputFolder: out, ediagVersion: "test")
        options.jobs = 1
        let report = try BatchRunner(packs: [pack], options: options).run(try ProfileDiscovery.inputs([input]), firstRuntime: prepared)
        #expect(report.timings.evaluation > 0)
        #expect(prepared.phaseTimes.evaluation > 0)
        BatchFixture.expectSameFiles(reference, out)
    }

    /// Folders are searched recursively in byte order; colliding result names get a hash suffix.
    @Test func discoveryIsSortedAndCollisionProof() throws {
        let input = try BatchFixture.folder("in")
        try BatchFixture.write([
            "b.yaml": "", "a/x.yaml": "", "a--x.yml": "", "A/X.json": "", ".hidden/y.yaml": "", "c.txt": "", "厂/水泥.yaml": "",
        ], in: input)
        let inputs = try ProfileDiscovery.inputs([input, input + "/b.yaml"])
        #expect(inputs.map { String($0.file.dropFirst(input.count + 1)) } == ["A/X.json", "a--x.yml", "a/x.yaml", "b.yaml", "厂/水泥.yaml"])
        let names = inputs.map(\.name)
        #expect(Set(names.map { $0.lowercased() }).count == names.count)
        #expect(names[0].hasPrefix("A--X-") && names[1].hasPrefix("a--x-") && names[2].hasPrefix("a--x-"))
        #expect(names[3] == "b" && names[4] == "厂--水泥")
        #expect(throws: BatchInputError.self) { try ProfileDiscovery.inputs([input + "/missing"]) }
    }

    /// The output folder inside an input folder is not searched, and a symbolic link back up is not followed.
    @Test func discoverySkipsOutputAndLinkedFolders() throws {
        let input = try BatchFixture.folder("in")
        try BatchFixture.write(["a.yaml": "", "out/plants/a.json": "", "sub/b.yaml": ""], in: input)
        try FileManager.default.createSymbolicLink(atPath: input + "/sub/loop", withDestinationPath: input)
        let inputs = try ProfileDiscovery.inputs([input], excluding: input + "/./out")
        #expect(inputs.map(\.name) == ["a", "sub--b"])
    }
}

extension Data {
    var utf8String: String { String(decoding: self, as: UTF8.self) }
}

/// Collects values reported from worker threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [Int] = []

    func add(_ value: Int) { lock.withLock { collected.append(value) } }
    var values: [Int] { lock.withLock { collected } }
}
