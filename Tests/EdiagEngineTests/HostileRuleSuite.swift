import EdiagEngine
import EdiagModel
import EdiagReport
import Foundation
import LuaSandbox
import Testing

/// One hostile rule script from `Hostile/*.lua`, with the header that states the attack and how it
/// is contained:
///
///     -- attack: what the script tries
///     -- contained: what stops it
///     -- expect: text of the failure (alternatives separated by " | ")
///     -- phase: load            (optional: the attack runs while the file loads)
///
/// A script is the body of the rule's `evaluate(plant, ctx)`; with `phase: load` it is the file's top
/// level, followed by a rule that must then be dropped; a script that declares `rule {` itself is used
/// as it is. Wrapping keeps every line where it is in the data file, so positions match it.
struct HostileScript: CustomTestStringConvertible, Sendable {
    let name: String
    /// The rule file as loaded.
    let text: String
    let expected: [String]
    let failsAtLoad: Bool

    static let declaration = #"rule { id = "test.hostile", title = { zh = "恶意", en = "hostile" }, category = "data_quality", references = { { standard = "test" } }, "#

    static func ruleFile(_ script: String, failsAtLoad: Bool) -> String {
        if script.contains("rule {") { return script }
        if failsAtLoad { return script + "\n" + declaration + "evaluate = function(plant, ctx) end }\n" }
        return declaration + "evaluate = function(plant, ctx) " + script + "\nend }\n"
    }

    var testDescription: String { name }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Hostile")

    /// Every script in the folder, sorted by name; adding an attack is adding a file.
    static let all: [HostileScript] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".lua") }.sorted().map { name in
            let text = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
            func header(_ key: String) -> String? {
                text.split(separator: "\n").first { $0.hasPrefix("-- \(key): ") }.map { String($0.dropFirst(key.count + 5)) }
            }
            let expected = (header("expect") ?? "").components(separatedBy: " | ").filter { !$0.isEmpty }
            let failsAtLoad = header("phase") == "load"
            return HostileScript(name: name, text: ruleFile(text, failsAtLoad: failsAtLoad), expected: expected, failsAtLoad: failsAtLoad)
        }
    }()

    /// The well-behaved rules run next to every hostile one (one before it and one after it by id).
    static let wellBehaved: [String: String] = {
        let dir = folder.appendingPathComponent("well-behaved")
        var files: [String: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] where name.hasSuffix(".lua") {
            files[name] = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }()
}

/// The limits the suite runs under: small enough to hit quickly, the real mechanisms throughout.
private let suiteLimits = LuaLimits(memoryBytes: 8 << 20, instructions: 2_000_000, seconds: 2)

/// The serialized findings and outcomes of the well-behaved rules, the bytes that must not change.
private func wellBehavedOutput(_ diagnosis: Diagnosis) -> String {
    let ids = Set(["test.a-good", "test.z-good"])
    let findings = diagnosis.findings.filter { ids.contains($0.ruleID) }.map { DiagnosisJSON.finding($0).serialized() }
    let outcomes = diagnosis.outcomes.filter { ids.contains($0.ruleID) }.map { "\($0.ruleID) \($0.status.rawValue) \($0.detail)" }
    return (findings + outcomes).joined(separator: "\n")
}

private func runtime(files: [String: String]) throws -> RuleRuntime {
    var options = RuntimeOptions()
    options.limits = suiteLimits
    options.loadLimits = suiteLimits
    return try RuleRuntime(packs: [try PackFixture.pack(files: files)], options: options)
}

@Suite struct HostileRuleSuite {
    /// The suite has at least 40 attacks, each with a header stating the attack and its containment.
    @Test func suiteIsComplete() {
        #expect(HostileScript.all.count >= 40)
        #expect(HostileScript.wellBehaved.count == 1)
        for script in HostileScript.all {
            #expect(script.text.contains("-- attack: ") && script.text.contains("-- contained: "), "\(script.name) lacks its header")
            #expect(!script.expected.isEmpty, "\(script.name) states no expected failure")
        }
    }

    /// Each hostile rule fails with its own file and line and the expected reason, within a bounded
    /// time, while the well-behaved rules before and after it produce byte-identical output on two
    /// plants in a row.
    @Test(arguments: HostileScript.all)
    func hostileRuleIsContained(_ script: HostileScript) throws {
        let baseline = wellBehavedOutput(try runtime(files: HostileScript.wellBehaved).diagnose(try PackFixture.profile()))
        #expect(baseline.contains("\"test.a-good\"") && baseline.contains("\"test.z-good\""))

        var files = HostileScript.wellBehaved
        files[script.name] = script.text
        let started = Date()
        let hostile = try runtime(files: files)
        let lineCount = script.text.split(separator: "\n", omittingEmptySubsequences: false).count

        if script.failsAtLoad {
            let error = try #require(hostile.loadErrors.first, "\(script.name) loaded without error")
            #expect(error.location.file.hasSuffix(script.name), "\(script.name): blamed on \(error.location.file)")
            #expect((1...lineCount).contains(error.location.line ?? 0), "\(script.name): no line in \(error)")
            #expect(script.expected.contains { error.message.contains($0) }, "\(script.name): \(error.message)")
            #expect(!hostile.rules.contains { $0.id == "test.hostile" })
        }
        for plant in 1...2 {
            let diagnosis = hostile.diagnose(try PackFixture.profile())
            #expect(wellBehavedOutput(diagnosis) == baseline, "\(script.name) changed another rule's output (plant \(plant))")
            guard !script.failsAtLoad else { continue }
            let failure = diagnosis.outcomes.first { $0.ruleID == "test.hostile" && $0.status == .failed }?.detail
            let detail = try #require(failure, "\(script.name) was not stopped (plant \(plant))")
            #expect(script.expected.contains { detail.contains($0) }, "\(script.name): \(detail)")
            #expect(!diagnosis.findings.contains { $0.ruleID == "test.hostile" }, "\(script.name) reported findings")
            // "…/<name>:<line>:" names this file and a line inside it.
            let position = try #require(detail.range(of: script.name + ":"), "\(script.name): no file in \(detail)")
            let line = Int(detail[position.upperBound...].prefix { $0.isNumber }) ?? 0
            #expect((1...lineCount).contains(line), "\(script.name): bad line in \(detail)")
        }
        // A hang detector, not a speed test: far above the 2 s deadline of each of the two runs.
        #expect(Date().timeIntervalSince(started) < 30, "\(script.name) ran past its deadline")
    }

    /// With a budget large enough for rules to run first without the instruction hook, each hostile
    /// rule meets the same outcome as when every instruction is counted from the start: the watchdog
    /// stops the attempt and the counted run decides.
    @Test(arguments: HostileScript.all.filter { !$0.failsAtLoad })
    func fastAttemptsEndAsCountedRunsDo(_ script: HostileScript) throws {
        var files = HostileScript.wellBehaved
        files[script.name] = script.text
        let pack = try PackFixture.pack(files: files)
        func outcomes(counted: Bool) throws -> [String] {
            var options = RuntimeOptions()
            // The instruction budget decides, not the wall clock: on a busy machine a 2 s deadline
            // could end one run and not the other.
            options.limits = LuaLimits(memoryBytes: 8 << 20, instructions: 40_000_000, seconds: 30)
            options.loadLimits = options.limits
            options.fastAttempts = !counted
            let diagnosis = try RuleRuntime(packs: [pack], options: options)
                .diagnose(try PackFixture.profile())
            return diagnosis.outcomes.map { "\($0.ruleID) \($0.status.rawValue) \($0.detail)" }
                + diagnosis.findings.map { DiagnosisJSON.finding($0).serialized() }
        }
        let fast = try outcomes(counted: false), counted = try outcomes(counted: true)
        #expect(fast == counted, "\(script.name): \(fast) vs \(counted)")
    }
}
