import EdiagEngine
import EdiagModel
import Foundation
import Testing

/// `ediag.lock`: deterministic text, and a run refuses plugins that differ from it, naming the file.
@Suite struct LockfileTests {
    func plugins() throws -> (root: String, packs: [RulePack]) {
        let root = try PluginFixture.folder()
        try PluginFixture.write(in: root, name: "b", files: ["r.lua": PackFixture.reportingRule(id: "b.r"), "data/t.yaml": "id: b.t\nsource: s\ndata: {x: 1}\n"])
        try PluginFixture.write(in: root, name: "a", files: ["lib/m.lua": "return {}"])
        let (packs, errors) = PackLoader.discover(searchPath: [PluginRoot(path: root, origin: "t")])
        #expect(errors.isEmpty)
        return (root, packs)
    }

    private func request(_ root: String, lock: LockPolicy) -> RunRequest {
        var r = RunRequest(searchPath: [PluginRoot(path: root, origin: "t")], workingDirectory: root)
        r.lockfile = root + "/ediag.lock"
        r.useWorkingFolderConfig = false
        r.lockPolicy = lock
        return r
    }

    /// The lockfile text is sorted and byte-identical for the same plugins, and reads back to the same entries.
    @Test func lockTextIsDeterministicAndRoundTrips() throws {
        let (root, packs) = try plugins()
        let text = Lockfile(packs: packs).text
        #expect(text == Lockfile(packs: packs.reversed()).text)
        #expect(text.contains("  \"a\":\n    version: \"1.0.0\"\n    hash: \"sha256:"))
        #expect(text.range(of: "\"a\":")!.lowerBound < text.range(of: "\"b\":")!.lowerBound)
        #expect(text.contains("      \"data/t.yaml\": "))
        try text.write(toFile: root + "/ediag.lock", atomically: true, encoding: .utf8)
        #expect(try Lockfile.read(path: root + "/ediag.lock") == Lockfile(packs: packs))
    }

    /// A changed, an added and a removed file, and a changed version, are each named.
    @Test func differencesNameTheFiles() throws {
        let (root, packs) = try plugins()
        let lock = Lockfile(packs: packs)
        try "return { changed = true }".write(toFile: root + "/a/lib/m.lua", atomically: true, encoding: .utf8)
        try "-- new".write(toFile: root + "/a/lib/extra.lua", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: root + "/b/data/t.yaml")
        try PluginFixture.manifest("b", version: "1.1.0").write(toFile: root + "/b/plugin.yaml", atomically: true, encoding: .utf8)
        let (changed, _) = PackLoader.discover(searchPath: [PluginRoot(path: root, origin: "t")])
        let problems = lock.differences(from: changed, lockfile: "ediag.lock")
        #expect(problems.count == 3, "\(problems)")
        #expect(problems.contains("plugin a in \(root)/a differs from ediag.lock: changed: lib/m.lua; added: lib/extra.lua"))
        #expect(problems.contains("plugin b is version 1.1.0 in \(root)/b, but ediag.lock locks 1.0.0"))
        #expect(problems.contains("plugin b in \(root)/b differs from ediag.lock: changed: plugin.yaml; removed: data/t.yaml"))
    }

    /// A plugin that is not in the lockfile is refused too.
    @Test func unlockedPluginIsRefused() throws {
        let (root, packs) = try plugins()
        let lock = Lockfile(packs: packs.filter { $0.name == "a" })
        #expect(lock.differences(from: packs, lockfile: "ediag.lock") == ["plugin b (\(root)/b) is not in ediag.lock; run `ediag plugins lock` to add it"])
    }

    /// With a lockfile present a run checks it by default; a mismatch stops the run before any rule is compiled.
    @Test func runChecksThePresentLockfile() throws {
        let (root, packs) = try plugins()
        try Lockfile(packs: packs).text.write(toFile: root + "/ediag.lock", atomically: true, encoding: .utf8)
        let ok = try RunSetup.prepare(request(root, lock: .checkIfPresent))
        #expect(ok.notes.isEmpty)
        try "-- edited".write(toFile: root + "/b/r.lua", atomically: true, encoding: .utf8)
        do {
            _ = try RunSetup.prepare(request(root, lock: .checkIfPresent))
            Issue.record("a changed plugin ran")
        } catch {
            guard case .lockfile(let problems) = error else { Issue.record("\(error)"); return }
            #expect(problems == ["plugin b in \(root)/b differs from \(root)/ediag.lock: changed: r.lua"])
        }
    }

    /// --locked makes a missing lockfile an error; without it a missing lockfile is fine.
    @Test func lockedRequiresALockfile() throws {
        let (root, _) = try plugins()
        #expect(throws: RunSetupError.self) { try RunSetup.prepare(request(root, lock: .required)) }
        #expect(try RunSetup.prepare(request(root, lock: .checkIfPresent)).notes.isEmpty)
    }

    /// Skipping the check needs the explicit policy, and the notes for the run record say it was skipped.
    @Test func skippingIsRecorded() throws {
        let (root, packs) = try plugins()
        try Lockfile(packs: packs).text.write(toFile: root + "/ediag.lock", atomically: true, encoding: .utf8)
        try "-- edited".write(toFile: root + "/b/r.lua", atomically: true, encoding: .utf8)
        let setup = try RunSetup.prepare(request(root, lock: .skip))
        #expect(setup.notes.count == 1)
        #expect(setup.notes[0].contains("the lockfile check was skipped (--skip-lock-check)"))
    }

    /// A damaged lockfile is an error with its place, never silently ignored.
    @Test func damagedLockfile() throws {
        let (root, _) = try plugins()
        try "lockfile: 7\nplugins: {}\n".write(toFile: root + "/ediag.lock", atomically: true, encoding: .utf8)
        do {
            _ = try RunSetup.prepare(request(root, lock: .checkIfPresent))
            Issue.record("a damaged lockfile was accepted")
        } catch {
            #expect(error.description.contains("ediag.lock:1:11: lockfile format must be 1"))
        }
    }
}

extension LockfileTests {
    /// A locked plugin that no longer loads is a difference, unless the configuration turns it off.
    @Test func lockedPluginThatDidNotLoad() throws {
        let (_, packs) = try plugins()
        let lock = Lockfile(packs: packs)
        let onlyA = packs.filter { $0.name == "a" }
        #expect(lock.differences(from: onlyA, lockfile: "ediag.lock") == ["plugin b 1.0.0 is locked in ediag.lock but did not load (missing or refused)"])
        #expect(lock.differences(from: onlyA, lockfile: "ediag.lock", turnedOff: ["b"]).isEmpty)
    }
}
