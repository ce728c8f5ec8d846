import EdiagEngine
import EdiagModel
import Foundation
import Testing

/// Refusals when plugins are read and discovered: each names both places involved.
@Suite struct PluginLoadingTests {
    private func discover(_ root: String) -> (packs: [RulePack], errors: [PackError]) {
        PackLoader.discover(searchPath: [PluginRoot(path: root, origin: "test")])
    }

    /// A plugin that needs a newer rule API is refused at its `api` line, naming the API ediag provides.
    @Test func newerAPIIsRefused() throws {
        let root = try PluginFixture.folder()
        try PluginFixture.write(in: root, name: "future", manifest: PluginFixture.manifest("future", api: ">=2.0 <3"))
        let (packs, errors) = discover(root)
        #expect(packs.isEmpty)
        #expect(errors.count == 1)
        #expect(errors[0].location.file.hasSuffix("future/plugin.yaml") && errors[0].location.line == 3)
        #expect(errors[0].message.contains("needs rule API >=2.0 <3, but this ediag provides rule API 1.0.0"))
    }

    /// A missing dependency is refused at its `depends` entry.
    @Test func missingDependencyIsRefused() throws {
        let root = try PluginFixture.folder()
        try PluginFixture.write(in: root, name: "a", manifest: PluginFixture.manifest("a", extra: "depends: {ghost: \">=1.0\"}"))
        let (packs, errors) = discover(root)
        #expect(packs.isEmpty)
        #expect(errors.map(\.description) == ["\(root)/a/plugin.yaml:5:11: plugin a depends on 'ghost' >=1.0, which was not found on the plugin search path"])
    }

    /// An incompatible dependency names the declaration and the manifest of the version found.
    @Test func incompatibleDependencyNamesBothPlaces() throws {
        let root = try PluginFixture.folder()
        try PluginFixture.write(in: root, name: "a", manifest: PluginFixture.manifest("a", extra: "depends: {b: \">=2.0 <3\"}"))
        try PluginFixture.write(in: root, name: "b", manifest: PluginFixture.manifest("b", version: "1.4.0"))
        let (packs, errors) = discover(root)
        #expect(packs.map(\.name) == ["b"])
        #expect(errors.count == 1)
        #expect(errors[0].location.file == root + "/a/plugin.yaml" && errors[0].location.line == 5)
        #expect(errors[0].message == "plugin a needs b >=2.0 <3, but b 1.4.0 was found at \(root)/b/plugin.yaml")
    }

    /// A plugin whose dependency was refused is refused in turn.
    @Test func dependencyOnARefusedPluginIsRefused() throws {
        let root = try PluginFixture.folder()
        try PluginFixture.write(in: root, name: "a", manifest: PluginFixture.manifest("a", extra: "depends: {b: \"^1.0\"}"))
        try PluginFixture.write(in: root, name: "b", manifest: PluginFixture.manifest("b", extra: "depends: {c: \"^1.0\"}"))
        let (packs, errors) = discover(root)
        #expect(packs.isEmpty)
        #expect(errors.count == 2)
        #expect(errors.contains { $0.message.contains("plugin a depends on b, which was refused") })
    }

    /// Two plugins with the same name: the second is refused, naming both manifests and how the first was found.
    @Test func duplicatePluginNamesAreRefused() throws {
        let first = try PluginFixture.folder(), second = try PluginFixture.folder()
        try PluginFixture.write(in: first, name: "x", manifest: PluginFixture.manifest("same"))
        try PluginFixture.write(in: second, name: "y", manifest: PluginFixture.manifest("same"))
        let (packs, errors) = PackLoader.discover(searchPath: [PluginRoot(path: first, origin: "project rules/"),
                                                               PluginRoot(path: second, origin: "--plugin-path \(second)")])
        #expect(packs.map(\.directory) == [first + "/x"])
        #expect(packs[0].origin == "project rules/")
        #expect(errors.count == 1)
        #expect(errors[0].location.file == second + "/y/plugin.yaml")
        #expect(errors[0].message.contains("also declared at \(first)/x/plugin.yaml:1:7 (found first, through project rules/)"))
    }

    /// The same folder reached twice on the search path is one plugin, not a clash.
    @Test func sameFolderTwiceIsOnePlugin() throws {
        let root = try PluginFixture.folder()
        try PluginFixture.write(in: root, name: "a")
        let (packs, errors) = PackLoader.discover(searchPath: [PluginRoot(path: root, origin: "1"), PluginRoot(path: root + "/a", origin: "2")])
        #expect(packs.count == 1 && errors.isEmpty)
    }

    /// Two rules with the same id in two plugins: the second is refused, naming both declarations.
    @Test func duplicateRuleIDsAcrossPluginsNameBothPlaces() throws {
        let root = try PluginFixture.folder()
        try PluginFixture.write(in: root, name: "a", files: ["r.lua": PackFixture.reportingRule(id: "shared.rule")])
        try PluginFixture.write(in: root, name: "b", files: ["r.lua": "\n" + PackFixture.reportingRule(id: "shared.rule")])
        let (packs, _) = discover(root)
        let runtime = try RuleRuntime(packs: packs)
        #expect(runtime.rules.map(\.pack) == ["a"])
        #expect(runtime.loadErrors.map(\.description) == ["\(root)/b/r.lua:2: rule shared.rule: rule id 'shared.rule' is already declared at \(root)/a/r.lua:1"])
    }

    /// An unknown manifest key is refused with its line, a did-you-mean and the allowed keys.
    @Test func unknownManifestKey() throws {
        let root = try PluginFixture.folder()
        try PluginFixture.write(in: root, name: "a", manifest: PluginFixture.manifest("a", extra: "dependz: {}"))
        let (_, errors) = discover(root)
        #expect(errors.count == 1)
        #expect(errors[0].location.line == 5)
        #expect(errors[0].message.contains("unknown key 'dependz' in the plugin manifest. Did you mean 'depends'?"))
    }

    /// `provides` is checked against the folder: declared but missing, and found but undeclared.
    @Test(arguments: [
        ("provides: {modules: [util, extra]}", "provides.modules lists 'extra', but", "plugin.yaml:5"),
        ("provides: {modules: []}", "ships lib/util.lua, but provides.modules at", "lib/util.lua"),
        ("provides: {data: [a.table, b.table]}", "provides.data lists 'b.table'", "plugin.yaml:5"),
        ("provides: {data: []}", "ships a data table with id 'a.table'", "data/a.yaml"),
        ("provides: {templates: [report.html, other.html]}", "provides.templates lists 'other.html'", "plugin.yaml:5"),
        ("provides: {templates: []}", "ships templates/report.html, but", "templates/report.html"),
    ])
    func providesIsChecked(_ extra: String, _ message: String, _ place: String) throws {
        let root = try PluginFixture.folder()
        try PluginFixture.write(in: root, name: "a", manifest: PluginFixture.manifest("a", extra: extra), files: [
            "lib/util.lua": "return {}",
            "data/a.yaml": "id: a.table\nsource: test\ndata: {x: 1}\n",
            "templates/report.html": "<p>{{plant}}</p>",
        ])
        let (packs, errors) = discover(root)
        #expect(packs.isEmpty)
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains(message) == true, "\(errors)")
        #expect(errors.first?.location.description.contains(place) == true, "\(errors)")
    }

    /// Declared rules are checked once compiled: a missing one at the manifest, an undeclared one at its file.
    @Test func providedRulesAreChecked() throws {
        let root = try PluginFixture.folder()
        try PluginFixture.write(in: root, name: "a", manifest: PluginFixture.manifest("a", extra: "provides: {rules: [a.one, a.two]}"),
                                files: ["r.lua": PackFixture.reportingRule(id: "a.one") + "\n" + PackFixture.reportingRule(id: "a.three")])
        let (packs, errors) = discover(root)
        #expect(errors.isEmpty)
        let runtime = try RuleRuntime(packs: packs)
        let messages = runtime.loadErrors.map(\.description)
        #expect(messages.contains("\(root)/a/plugin.yaml:5:12: rule a.two: provides.rules lists 'a.two', but no rule of plugin a declares it"))
        #expect(messages.contains { $0.hasPrefix("\(root)/a/r.lua:6: rule a.three: rule 'a.three' is not listed in provides.rules of plugin a") }, "\(messages)")
    }

    /// Templates are inventoried, and the project's plugins all declare exactly what they ship.
    @Test func projectPluginsProvideWhatTheyDeclare() throws {
        let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let (packs, errors) = PackLoader.discover(searchPath: [PluginRoot(path: project + "/rules", origin: "rules"),
                                                               PluginRoot(path: project + "/plugins", origin: "plugins")])
        #expect(errors.isEmpty, "\(errors)")
        #expect(packs.allSatisfy { $0.manifest.provides.rules != nil && $0.manifest.provides.data != nil })
        let runtime = try RuleRuntime(packs: packs)
        #expect(runtime.loadErrors.isEmpty, "\(runtime.loadErrors)")
    }

    /// The economics section is checked: carriers, bounds and a source for every figure.
    @Test(arguments: [
        ("economics: {prices: {natral_gas: {value: 3, source: x}}}", "unknown energy carrier 'natral_gas'. Did you mean 'natural_gas'?"),
        ("economics: {prices: {natural_gas: {value: 3}}}", "needs 'source'"),
        ("economics: {grid_co2_factor: {value: 7, source: x}}", "out of bounds; allowed: 0 … 2 kgCO2/kWh"),
        ("economics: {subsidies: [{share: 1.5, source: x}]}", "economics.subsidies[1].share = 1.5 is out of bounds; allowed: 0 … 1"),
        ("economics: {subsidies: [{share: 0.1}]}", "needs 'source'"),
        ("economics: {provinces: [A], tax: 1}", "unknown key 'tax' in economics"),
    ])
    func economicsSectionIsChecked(_ extra: String, _ message: String) throws {
        let root = try PluginFixture.folder()
        try PluginFixture.write(in: root, name: "a", manifest: PluginFixture.manifest("a", extra: extra))
        let (_, errors) = discover(root)
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains(message) == true, "\(errors)")
        #expect(errors.first?.location.line == 5)
    }
}

/// Each malformed manifest field is refused at its line, saying what is expected.
@Test(arguments: [
    ("name: Bad Name\nversion: 1.0.0\napi: \">=1.0\"\ndescription: {zh: 测试, en: test}\n", 1, "may use only lower-case letters"),
    ("name: a\nversion: one\napi: \">=1.0\"\ndescription: {zh: 测试, en: test}\n", 2, "is not a semantic version"),
    ("name: a\nversion: 1.0.0\napi: sometime\ndescription: {zh: 测试, en: test}\n", 3, "is not a version range"),
    ("name: a\nversion: 1.0.0\napi: \">=1.0\"\ndescription: {zh: 测试}\n", 4, "needs both zh and en"),
    ("name: a\nversion: 1.0.0\napi: \">=1.0\"\ndescription: {zh: 测试, en: test}\ndepends: {b: soon}\n", 5, "dependency 'b' needs a version range"),
    ("name: a\nversion: 1.0.0\napi: \">=1.0\"\ndescription: {zh: 测试, en: test}\ndepends: {a: \"^1.0\"}\n", 5, "cannot depend on itself"),
    ("name: a\nversion: 1.0.0\ndescription: {zh: 测试, en: test}\n", 1, "manifest field 'api' is required"),
    ("- just a list\n", 1, "a plugin manifest must be a mapping"),
])
func malformedManifest(_ text: String, _ line: Int, _ message: String) throws {
    let root = try PluginFixture.folder()
    try PluginFixture.write(in: root, name: "a", manifest: text)
    let (packs, errors) = PackLoader.discover(searchPath: [PluginRoot(path: root, origin: "t")])
    #expect(packs.isEmpty)
    #expect(errors.first?.location.line == line, "\(errors)")
    #expect(errors.first?.message.contains(message) == true, "\(errors)")
}
