import EdiagEngine
import EdiagModel
import Foundation
import LuaSandbox
import Testing

/// What one plugin can reach: its own modules and its dependencies', nothing of other plugins,
/// no file outside its folder, and nothing that changes what another plugin's rules see.
@Suite struct PluginIsolationTests {
    private func runtime(_ root: String, options: RuntimeOptions = RuntimeOptions()) throws -> (RuleRuntime, [PackError]) {
        let (packs, errors) = PackLoader.discover(searchPath: [PluginRoot(path: root, origin: "test")])
        return (try RuleRuntime(packs: packs, options: options), errors)
    }

    /// `require` reaches the plugin's own modules and those of plugins it depends on.
    @Test func requireReachesOwnAndDependencyModules() throws {
        let root = try PluginFixture.folder()
        try PluginFixture.write(in: root, name: "base", files: ["lib/shared.lua": "return { answer = 42 }"])
        try PluginFixture.write(in: root, name: "user", manifest: PluginFixture.manifest("user", extra: "depends: {base: \"^1.0\"}"),
                                files: ["lib/own.lua": "return { word = 'own' }",
                                        "r.lua": PluginFixture.rule(id: "user.r", message: "require('shared').answer .. require('own').word")])
        let (rt, errors) = try runtime(root)
        #expect(errors.isEmpty && rt.loadErrors.isEmpty, "\(errors) \(rt.loadErrors)")
        #expect(PluginFixture.messages(rt.diagnose(try PackFixture.profile()), rule: "user.r") == ["42own"])
    }

    /// A dependency's module runs in its own plugin's view: it reaches its own dependencies' modules and
    /// data, whichever plugin requires it, while the requiring plugin still cannot reach them directly.
    @Test func dependencyModulesKeepTheirOwnView() throws {
        let root = try PluginFixture.folder()
        // "a-user" sorts (and loads) before the plugins it depends on.
        try PluginFixture.write(in: root, name: "c-base", files: ["lib/units.lua": "return { factor = 3 }",
                                                                  "data/t.yaml": "id: c.table\nsource: test\ndata: {x: 2}\n"])
        try PluginFixture.write(in: root, name: "b-mid", manifest: PluginFixture.manifest("b-mid", extra: "depends: {c-base: \"^1.0\"}"),
                                files: ["lib/calc.lua": "local u = require('units')\nreturn { value = function() return u.factor * ediag.data('c.table').data.x end }"])
        try PluginFixture.write(in: root, name: "a-user", manifest: PluginFixture.manifest("a-user", extra: "depends: {b-mid: \"^1.0\"}"),
                                files: ["r.lua": PluginFixture.rule(id: "a.r", message: "require('calc').value()"),
                                        "s.lua": PluginFixture.rule(id: "a.s", message: "require('units').factor")])
        let (rt, errors) = try runtime(root)
        #expect(errors.isEmpty && rt.loadErrors.isEmpty, "\(errors) \(rt.loadErrors)")
        let d = rt.diagnose(try PackFixture.profile())
        #expect(PluginFixture.messages(d, rule: "a.r") == ["6"])
        #expect(d.outcomes.first { $0.ruleID == "a.s" && $0.status == .failed }?.detail.contains("module 'units' not found in pack a-user") == true)
    }

    /// `require` does not reach a plugin that is not a declared dependency, nor any path.
    @Test(arguments: ["require('shared')", "require('base/lib/shared')", "require('../base/lib/shared')",
                      "require('/etc/passwd')", "require('lib.shared')"])
    func requireStaysInsideThePlugin(_ call: String) throws {
        let root = try PluginFixture.folder()
        try PluginFixture.write(in: root, name: "base", files: ["lib/shared.lua": "return { answer = 42 }"])
        try PluginFixture.write(in: root, name: "other", files: ["r.lua": PluginFixture.rule(id: "other.r", message: call)])
        let (rt, _) = try runtime(root)
        let d = rt.diagnose(try PackFixture.profile())
        let failure = d.outcomes.first { $0.ruleID == "other.r" && $0.status == .failed }?.detail ?? ""
        #expect(failure.contains("not found in pack other"), "\(failure)")
    }

    /// Data tables are looked up by id in the plugin and its dependencies only; no id is a path.
    @Test(arguments: ["ediag.data('b.table')", "ediag.data('../b/data/b.yaml')", "ediag.data('/etc/passwd')",
                      "ediag.limits('../b/data/b.yaml')"])
    func dataStaysInsideThePlugin(_ call: String) throws {
        let root = try PluginFixture.folder()
        try PluginFixture.write(in: root, name: "b", files: ["data/b.yaml": "id: b.table\nsource: test\ndata: {x: 1}\n"])
        try PluginFixture.write(in: root, name: "a", files: ["r.lua": PluginFixture.rule(id: "a.r", message: call)])
        let (rt, _) = try runtime(root)
        let failure = rt.diagnose(try PackFixture.profile()).outcomes.first { $0.ruleID == "a.r" && $0.status == .failed }?.detail ?? ""
        #expect(failure.contains("in pack a"), "\(failure)")
    }

    /// A symbolic link that leads out of the plugin folder refuses the plugin, whatever the host would read through it.
    @Test(arguments: ["lib/stolen.lua", "data/stolen.yaml", "templates/stolen.html", "stolen.lua"])
    func symlinkOutOfTheFolderIsRefused(_ link: String) throws {
        let root = try PluginFixture.folder()
        let victim = try PluginFixture.write(in: root, name: "victim", files: ["lib/secret.lua": "return { key = 'secret' }"])
        let thief = try PluginFixture.write(in: root, name: "thief", files: ["lib/own.lua": "return {}"])
        try FileManager.default.createDirectory(atPath: (thief + "/" + link as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: thief + "/" + link, withDestinationPath: victim + "/lib/secret.lua")
        let (packs, errors) = PackLoader.discover(searchPath: [PluginRoot(path: root, origin: "test")])
        #expect(packs.map(\.name) == ["victim"])
        #expect(errors.count == 1)
        #expect(errors.first?.location.file == thief + "/" + link)
        #expect(errors.first?.message.contains("leads outside the plugin folder") == true)
    }

    /// A symbolic link to a system file is refused the same way (absolute targets).
    @Test func symlinkToASystemFileIsRefused() throws {
        let root = try PluginFixture.folder()
        let thief = try PluginFixture.write(in: root, name: "thief")
        try FileManager.default.createDirectory(atPath: thief + "/data", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: thief + "/data/passwd.yaml", withDestinationPath: "/etc/passwd")
        let (packs, errors) = PackLoader.discover(searchPath: [PluginRoot(path: root, origin: "test")])
        #expect(packs.isEmpty)
        #expect(errors.first?.message.contains("leads outside the plugin folder (to /etc/passwd)") == true)
    }

    /// Links to folders are refused wherever they are (a loop, or a whole tree brought in), and links
    /// out of the folder are refused in folders the host does not hand to rules too (`tests/`).
    @Test(arguments: [("loop", "."), ("data", "/etc"), ("tests/passwd", "/etc/passwd"), ("deep/er/up", "../..")])
    func linksToFoldersAndOutAreRefused(_ link: String, _ target: String) throws {
        let root = try PluginFixture.folder()
        let dir = try PluginFixture.write(in: root, name: "a")
        let path = dir + "/" + link
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
        let (packs, errors) = PackLoader.discover(searchPath: [PluginRoot(path: root, origin: "test")])
        #expect(packs.isEmpty)
        #expect(errors.first?.location.file == path, "\(errors)")
    }

    /// A symbolic link that stays inside the folder is fine, and a plugin folder that is itself a link is fine.
    @Test func symlinksInsideTheFolderAreAccepted() throws {
        let root = try PluginFixture.folder()
        let a = try PluginFixture.write(in: root, name: "a", files: ["lib/real.lua": "return { v = 7 }",
                                                                     "r.lua": PluginFixture.rule(id: "a.r", message: "require('alias').v")])
        try FileManager.default.createSymbolicLink(atPath: a + "/lib/alias.lua", withDestinationPath: a + "/lib/real.lua")
        let elsewhere = try PluginFixture.folder()
        try FileManager.default.createSymbolicLink(atPath: elsewhere + "/linked", withDestinationPath: a)
        let (packs, errors) = PackLoader.discover(searchPath: [PluginRoot(path: elsewhere, origin: "test")])
        #expect(errors.isEmpty, "\(errors)")
        let rt = try RuleRuntime(packs: packs)
        #expect(PluginFixture.messages(rt.diagnose(try PackFixture.profile()), rule: "a.r") == ["7"])
    }

    /// Whatever a plugin's rule tries on shared tables, another plugin's rule sees the same values as without it.
    @Test func noPluginChangesWhatAnotherSees() throws {
        let attempts = [
            "ediag.carrier('electricity').kgce_per_unit = 0", "rawset(ediag.carrier('electricity'), 'kgce_per_unit', 0)",
            "ediag.tce = function() return 0 end", "ediag.finance.npv = nil", "string.format = nil", "table.concat = nil",
            "math.floor = nil", "getmetatable('').__index.upper = nil", "setmetatable(ediag, {})", "require('counter').bump()",
        ]
        let attack = attempts.map { "pcall(function() \($0) end)" }.joined(separator: "\n    ")
        let observe = "ediag.tce(1000, 'electricity') .. ' ' .. string.format('%.2f', math.floor(2.5)) .. ' ' .. table.concat({'a','b'}) .. ' ' .. require('counter').value()"
        let counter = "local n = 0\nreturn { bump = function() n = n + 1 end, value = function() return n end }"
        func observed(withAttacker: Bool) throws -> [String] {
            let root = try PluginFixture.folder()
            try PluginFixture.write(in: root, name: "base", files: ["lib/counter.lua": counter])
            if withAttacker {
                try PluginFixture.write(in: root, name: "a-attacker", manifest: PluginFixture.manifest("a-attacker", extra: "depends: {base: \"^1.0\"}"),
                                        files: ["r.lua": PluginFixture.rule(id: "attacker.r", message: "'done'", before: attack)])
            }
            try PluginFixture.write(in: root, name: "z-victim", manifest: PluginFixture.manifest("z-victim", extra: "depends: {base: \"^1.0\"}"),
                                    files: ["r.lua": PluginFixture.rule(id: "victim.r", message: observe)])
            let (rt, errors) = try runtime(root)
            #expect(errors.isEmpty && rt.loadErrors.isEmpty)
            let d = rt.diagnose(try PackFixture.profile())
            if withAttacker { #expect(PluginFixture.messages(d, rule: "attacker.r") == ["done"]) }
            return PluginFixture.messages(d, rule: "victim.r")
        }
        let alone = try observed(withAttacker: false)
        #expect(alone == ["0.1229 2.00 ab 0"])
        #expect(try observed(withAttacker: true) == alone)
    }

    /// Per-plugin limits from the configuration apply to that plugin's rules only, and never exceed the host maximum.
    @Test func perPluginLimits() throws {
        let root = try PluginFixture.folder()
        let loop = "for i = 1, 2000000 do end"
        try PluginFixture.write(in: root, name: "tight", files: ["r.lua": PluginFixture.rule(id: "tight.r", message: "'ok'", before: loop)])
        try PluginFixture.write(in: root, name: "loose", files: ["r.lua": PluginFixture.rule(id: "loose.r", message: "'ok'", before: loop)])
        var options = RuntimeOptions()
        options.pluginLimits["tight"] = LuaLimits(memoryBytes: 8 << 20, instructions: 200_000, seconds: 2)
        let (rt, _) = try runtime(root, options: options)
        let d = rt.diagnose(try PackFixture.profile())
        #expect(d.outcomes.first { $0.ruleID == "tight.r" }?.status == .failed)
        #expect(d.outcomes.first { $0.ruleID == "tight.r" }?.detail.contains("instruction limit") == true)
        #expect(PluginFixture.messages(d, rule: "loose.r") == ["ok"])
        options.pluginLimits["tight"] = LuaLimits(memoryBytes: 1 << 40, instructions: Int.max, seconds: 1e9)
        #expect(options.limits(forPlugin: "tight") == LuaLimits.hostMaximum)
        #expect(options.limits(forPlugin: "loose") == LuaLimits.ruleDefault)
    }
}

/// Report templates are read only by inventory name and only from inside the plugin's folder.
@Suite struct TemplateContainmentTests {
    private func pack() throws -> (RulePack, String) {
        let root = try PluginFixture.folder()
        let dir = try PluginFixture.write(in: root, name: "t", files: ["templates/report.html": "<p>{{plant}}</p>",
                                                                       "templates/zh/report.md": "# {{plant}}"])
        try PluginFixture.write(in: root, name: "other", files: ["templates/secret.html": "secret"])
        return (try PackLoader.load(directory: dir), root)
    }

    /// Templates are inventoried, nested folders included, and read by name.
    @Test func templatesAreReadByName() throws {
        let (p, _) = try pack()
        #expect(p.templates == ["report.html", "zh/report.md"])
        #expect(try p.templateText("zh/report.md") == "# {{plant}}")
    }

    /// A name outside the inventory is refused, whatever path it spells.
    @Test(arguments: ["../plugin.yaml", "/etc/passwd", "../../other/templates/secret.html", "zh/../../plugin.yaml", "missing.html"])
    func pathsAreRefused(_ name: String) throws {
        let (p, _) = try pack()
        #expect(throws: PackError.self) { try p.templateText(name) }
    }

    /// A template replaced by a link out of the folder after loading is refused when read.
    @Test func linkPlantedAfterLoadingIsRefused() throws {
        let (p, root) = try pack()
        try FileManager.default.removeItem(atPath: p.directory + "/templates/report.html")
        try FileManager.default.createSymbolicLink(atPath: p.directory + "/templates/report.html", withDestinationPath: root + "/other/templates/secret.html")
        do {
            _ = try p.templateText("report.html")
            Issue.record("read a file outside the plugin")
        } catch {
            #expect(error.message.contains("leads outside the plugin folder"))
        }
    }
}

/// Options taken from a runtime can build further runtimes (one per worker) without counting a plugin's economics twice.
@Test func runtimeOptionsCanBeReused() throws {
    let root = try PluginFixture.folder()
    try PluginFixture.write(in: root, name: "sub", manifest: PluginFixture.manifest("sub", extra: "economics: {subsidies: [{share: 0.2, source: s}]}"))
    let (packs, _) = PackLoader.discover(searchPath: [PluginRoot(path: root, origin: "t")])
    let first = try RuleRuntime(packs: packs)
    let second = try RuleRuntime(packs: packs, options: first.options)
    #expect(second.options.economics.contributions.count == 1)
}
