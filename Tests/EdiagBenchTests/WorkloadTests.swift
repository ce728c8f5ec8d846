import EdiagBench
import EdiagEngine
import EdiagModel
import Foundation
import Testing

/// The project folder (two levels above this file's folder).
private let projectRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

private func templates() -> [String] {
    let dir = projectRoot + "/examples/plants"
    return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted().map { dir + "/" + $0 }
}

private func scratch(_ name: String) -> String {
    let dir = NSTemporaryDirectory() + "ediag-bench-test-\(name)-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

struct WorkloadTests {
    /// The same seed gives byte-identical plants; another seed gives other plants; every plant validates.
    @Test func generatorIsDeterministicAndValid() throws {
        let a = scratch("a"), b = scratch("b"), c = scratch("c")
        defer { for d in [a, b, c] { try? FileManager.default.removeItem(atPath: d) } }
        let (pathsA, fallbacks) = try Workload.generate(count: 40, seed: 11, templates: templates(), directory: a, yaml: true)
        let (pathsB, _) = try Workload.generate(count: 40, seed: 11, templates: templates(), directory: b)
        let (pathsC, _) = try Workload.generate(count: 40, seed: 12, templates: templates(), directory: c)
        #expect(fallbacks == 0)
        var differing = 0
        for i in 0..<40 {
            let x = try Data(contentsOf: URL(fileURLWithPath: pathsA[i]))
            #expect(x == (try Data(contentsOf: URL(fileURLWithPath: pathsB[i]))))
            if x != (try Data(contentsOf: URL(fileURLWithPath: pathsC[i]))) { differing += 1 }
            let fromJSON = try ProfileDecoder.load(path: pathsA[i])
            let fromYAML = try ProfileDecoder.load(path: pathsA[i].replacingOccurrences(of: ".json", with: ".yaml"))
            #expect(fromJSON.root == fromYAML.root, "JSON and YAML of plant \(i) must decode to the same profile")
        }
        #expect(differing >= 38)
    }

    /// Generated plants cover all five sectors, with varied sizes and equipment counts.
    @Test func generatorVariesSectorsAndSizes() throws {
        let dir = scratch("v")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (paths, _) = try Workload.generate(count: 60, seed: 3, templates: templates(), directory: dir)
        var sectors = Set<String>()
        var equipmentCounts = Set<Int>()
        for path in paths {
            let profile = try ProfileDecoder.load(path: path)
            sectors.insert(profile.sector)
            equipmentCounts.insert(profile.root["equipment"]?.list?.count ?? 0)
        }
        #expect(sectors.isSuperset(of: ["cement", "steel", "chemicals", "nonferrous", "power"]))
        #expect(equipmentCounts.count >= 5)
    }

    /// Lua literals read back in lua5.4 to the same values (strings with quotes, control bytes, digits after escapes; floats stay floats).
    @Test func luaLiteralsRoundTrip() throws {
        let lua = "/usr/bin/lua5.4"
        guard FileManager.default.isExecutableFile(atPath: lua) else { return }
        let tricky = "a\"b\\c\n\u{1}9 中文"
        let chunk = "local t = " + LuaLiteral.profile(.object(ProfileObject(type: "x", fields: [
            .init(name: "s", value: .text(tricky)), .init(name: "f", value: .number(2)), .init(name: "i", value: .integer(3)),
            .init(name: "l", value: .list([.number(0.1), .bool(true)])),
        ]))) + """

            assert(t.s == "a\\"b\\\\c\\n\\0019 中文", "string")
            assert(math.type(t.f) == "float" and t.f == 2.0, "float")
            assert(math.type(t.i) == "integer" and t.i == 3, "integer")
            assert(t.l[1] == 0.1 and t.l[2] == true, "list")
            print("ok")
            """
        let file = scratch("lua") + "/t.lua"
        try chunk.write(toFile: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: lua)
        process.arguments = [file]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        let output = String(decoding: data, as: UTF8.self)
        process.waitUntilExit()
        #expect(output == "ok\n", "lua5.4 said: \(output)")
    }

    /// The benchmark runs the plain-Lua baseline over the same rules and plants, and both make the same host calls.
    @Test func baselineMakesTheSameCallsAsEdiag() throws {
        let lua = "/usr/bin/lua5.4"
        guard FileManager.default.isExecutableFile(atPath: lua) else { return }
        let dir = scratch("bench")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (paths, _) = try Workload.generate(count: 15, seed: 5, templates: templates(), directory: dir + "/plants")
        let bench = Benchmark(roots: [projectRoot + "/rules", projectRoot + "/plugins"], plantPaths: paths, repeats: 1,
                              luaExecutable: lua, baselineScript: projectRoot + "/bench/baseline/run.lua", scratchDirectory: dir)
        let report = try bench.run()
        #expect(report.baselineError == nil)
        #expect(report.baselineEvaluationSeconds != nil)
        #expect(report.callCounts.contains { $0.name == "calls.recommend" && $0.ediag > 0 })
        #expect(report.callsMatch, "\(report.callCounts)")
        #expect(!report.callCounts.contains { $0.name == "rule_failures" && ($0.ediag > 0 || ($0.baseline ?? 0) > 0) })
    }
}
