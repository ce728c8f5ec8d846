import EdiagEngine
import EdiagModel
import Foundation
import LuaSandbox
import Testing

private let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// Writes `ediag.yaml` text into a fresh working folder and prepares a run with the project's plugins.
private func prepare(_ yaml: String?, overrides: [ConfigOverride] = [], searchPath: [PluginRoot]? = nil,
                     lock: LockPolicy = .checkIfPresent, folder: String? = nil) throws -> Result<RunSetup, RunSetupError> {
    let dir = try folder ?? PluginFixture.folder()
    if let yaml { try yaml.write(toFile: dir + "/ediag.yaml", atomically: true, encoding: .utf8) }
    var request = RunRequest(searchPath: searchPath ?? [PluginRoot(path: project + "/rules", origin: "project rules/"),
                                                        PluginRoot(path: project + "/plugins", origin: "project plugins/")],
                             workingDirectory: dir)
    if yaml != nil { request.configFile = dir + "/ediag.yaml" }
    request.overrides = overrides
    request.lockPolicy = lock
    do { return .success(try RunSetup.prepare(request)) } catch { return .failure(error) }
}

/// The configuration errors of a run that must fail.
private func errors(_ yaml: String?, overrides: [ConfigOverride] = []) throws -> [ConfigurationError] {
    guard case .failure(.configuration(let errors)) = try prepare(yaml, overrides: overrides) else {
        Issue.record("expected configuration errors")
        return []
    }
    return errors
}

@Suite struct ConfigurationTests {
    /// Every configuration error names file and line, says what is allowed, and suggests the closest key.
    @Test(arguments: [
        ("economics:\n  discount_rat: 0.06\n", 2, "unknown key 'economics.discount_rat'. Did you mean 'discount_rate'? Allowed in 'economics':"),
        ("economics:\n  discount_rate: 0.9\n", 2, "economics.discount_rate = 0.9 is out of bounds; allowed: 0 … 0.5"),
        ("economics:\n  grid_co2_factor: regionl\n", 2, "economics.grid_co2_factor is 'regionl' (did you mean 'regional'?); allowed: national, regional, provincial, or a number 0 … 2 kgCO2/kWh"),
        ("economics:\n  grid_co2_factor: 3\n", 2, "economics.grid_co2_factor = 3 is out of bounds; allowed: 0 … 2 kgCO2/kWh"),
        ("economics:\n  prices:\n    electricty: 0.6\n", 3, "unknown energy carrier 'electricty' in economics.prices. Did you mean 'electricity'?"),
        ("economics:\n  prices:\n    electricity: cheap\n", 3, "economics.prices.electricity must be a number in yuan per carrier unit"),
        ("output:\n  format: pdf\n", 2, "output.format is 'pdf'; allowed: text, json, markdown"),
        ("output:\n  language: fr\n", 2, "allowed: zh, en"),
        ("limits:\n  memory_mb: 4096\n", 2, "limits.memory_mb = 4096 is out of bounds; allowed: 1 … 256 MiB"),
        ("plugins:\n  limits:\n    cement:\n      seconds: 60\n", 4, "plugins.limits.cement.seconds = 60 is out of bounds; allowed: 0.01 … 30 s"),
        ("categories:\n  disable: [benchmarks]\n", 2, "unknown category 'benchmarks' (did you mean 'benchmark'?)"),
        ("rules:\n  severity:\n    cement.clinker-energy-limit: fatal\n", 3, "allowed: critical, warning, info"),
        ("rules: [a, b]\n", 1, "'rules' must be a mapping"),
    ])
    func shapeErrors(_ yaml: String, _ line: Int, _ message: String) throws {
        let e = try errors(yaml)
        #expect(e.count == 1, "\(e)")
        #expect(e.first?.location.file.hasSuffix("ediag.yaml") == true)
        #expect(e.first?.location.line == line, "\(e)")
        #expect(e.first?.message.contains(message) == true, "\(e)")
    }

    /// Names of plugins, rules and parameters are checked against what is loaded, with a did-you-mean.
    @Test(arguments: [
        ("plugins:\n  disable: [cemnt]\n", "plugins.disable: no plugin 'cemnt' is loaded. Did you mean 'cement'?"),
        ("plugins:\n  limits:\n    stel: {seconds: 5}\n", "no plugin 'stel' is loaded. Did you mean 'steel'?"),
        ("rules:\n  disable: [cement.clinker-energy-limt]\n", "no rule 'cement.clinker-energy-limt' is loaded. Did you mean 'cement.clinker-energy-limit'?"),
        ("parameters:\n  cement.cement-grinding-upgrade:\n    target_powr: 27\n", "rule cement.cement-grinding-upgrade has no parameter 'target_powr'. Did you mean 'target_power'?"),
        ("parameters:\n  cement.cement-grinding-upgrade:\n    target_power: 40\n", "target_power = 40 kWh/t is out of bounds; allowed: 22 … 34 kWh/t"),
        ("parameters:\n  cement.cement-grinding-upgrade:\n    target_power: 27 kg\n", "cannot be read in the parameter's unit kWh/t"),
        ("parameters:\n  cement.no-such-rule:\n    x: 1\n", "no rule 'cement.no-such-rule' is loaded"),
    ])
    func nameErrors(_ yaml: String, _ message: String) throws {
        let e = try errors(yaml)
        #expect(e.count == 1, "\(e)")
        #expect(e.first?.location.file.hasSuffix("ediag.yaml") == true && e.first?.location.line != nil)
        #expect(e.first?.message.contains(message) == true, "\(e)")
    }

    /// A YAML syntax error and a missing --config file are errors with their place.
    @Test func unreadableConfiguration() throws {
        let e = try errors("economics: {discount_rate: 0.06\n")
        #expect(e.first?.message.contains("syntax error") == true)
        #expect(e.first?.location.line != nil)
        var request = RunRequest(searchPath: [])
        request.configFile = "/no/such/ediag.yaml"
        #expect(throws: RunSetupError.self) { try RunSetup.prepare(request) }
    }

    /// --set overrides the file, its origin is the command line, and bad --set keys are errors too.
    @Test func commandLineOverrides() throws {
        guard case .success(let setup) = try prepare("economics:\n  discount_rate: 0.06\n",
                                                     overrides: [ConfigOverride(key: "economics.discount_rate", value: "0.05"),
                                                                 ConfigOverride(key: "parameters.cement.cement-grinding-upgrade.target_power", value: "0.027 MWh/t")]) else {
            Issue.record("prepare failed")
            return
        }
        #expect(setup.configuration.value("economics", "discount_rate") == .number(0.05))
        #expect(setup.configuration.entry(["economics", "discount_rate"])?.origin == .commandLine("--set"))
        #expect(setup.options.economics.defaultDiscountRate == 0.05)
        // The quantity was converted to the parameter's unit.
        #expect(setup.options.parameterOverrides["cement.cement-grinding-upgrade"]?["target_power"] == 27)
        #expect(setup.configuration.entry(["output", "format"])?.origin == .builtIn)
        let e = try errors(nil, overrides: [ConfigOverride(key: "economics.discount_rat", value: "0.05")])
        #expect(e.first?.message.contains("Did you mean 'discount_rate'?") == true)
        #expect(e.first?.location.file == "command line --set economics.discount_rat")
    }

    /// The origin of a file value is its file and line.
    @Test func fileOriginsCarryTheLine() throws {
        guard case .success(let setup) = try prepare("# agency settings\noutput:\n  language: en\n") else {
            Issue.record("prepare failed")
            return
        }
        guard case .file(let location)? = setup.configuration.entry(["output", "language"])?.origin else {
            Issue.record("no file origin")
            return
        }
        #expect(location.file.hasSuffix("ediag.yaml") && location.line == 3)
    }

    /// The hash depends on the effective values only: order, comments, spelling of numbers and units do not change it.
    @Test func hashIsCanonical() throws {
        func hash(_ yaml: String?, _ overrides: [ConfigOverride] = []) throws -> String {
            guard case .success(let s) = try prepare(yaml, overrides: overrides) else { return "failed" }
            return s.configurationHash
        }
        let a = try hash("economics: {discount_rate: 0.06, grid_co2_factor: regional}\nparameters:\n  cement.cement-grinding-upgrade: {target_power: 27}\n")
        let b = try hash("# same, written differently\nparameters:\n  cement.cement-grinding-upgrade:\n    target_power: 0.027 MWh/t\neconomics:\n  grid_co2_factor: regional\n  discount_rate: 6 %\n")
        let c = try hash("economics: {discount_rate: 0.07, grid_co2_factor: regional}\nparameters:\n  cement.cement-grinding-upgrade: {target_power: 27}\n")
        #expect(a.hasPrefix("sha256:") && a.count == 71)
        #expect(a == b)
        #expect(a != c)
        // Defaults written out give the same hash as no file at all.
        #expect(try hash(nil) == (try hash("output: {format: text, language: zh}\n")))
    }

    /// The configuration becomes runtime options: grid factor, prices, limits, selection, severities.
    @Test func runtimeOptions() throws {
        let yaml = """
            plugins:
              disable: [steel]
              limits:
                cement: {instructions: 200000000}
            rules:
              disable: [cement.clinker-benchmark]
              severity: {cement.waste-heat-power: critical}
            categories:
              disable: [benchmark]
            economics:
              grid_co2_factor: provincial
              carbon_price: 60
              prices: {electricity: 0.58}
            limits: {memory_mb: 64}
            output: {ranking: npv}
            """
        guard case .success(let s) = try prepare(yaml) else {
            Issue.record("prepare failed")
            return
        }
        #expect(!s.packs.contains { $0.name == "steel" })
        #expect(s.options.economics.gridFactor == .provincial)
        #expect(s.options.economics.carbonPrice == 60)
        #expect(s.options.economics.defaultPrices == ["electricity": 0.58])
        #expect(s.options.limits.memoryBytes == 64 << 20)
        #expect(s.options.limits(forPlugin: "cement").instructions == 200_000_000)
        #expect(s.options.limits(forPlugin: "cement").memoryBytes == 64 << 20)
        #expect(s.options.disabledRules == ["cement.clinker-benchmark"])
        #expect(s.options.disabledCategories == [.benchmark])
        #expect(s.options.severityOverrides == ["cement.waste-heat-power": .critical])
        #expect(s.options.ranking == .npv)
        let d = s.runtime.diagnose(try ProfileDecoder.load(path: project + "/examples/plants/cement-laggard.yaml"))
        #expect(!d.findings.contains { $0.category == .benchmark })
        #expect(d.findings.filter { $0.ruleID == "cement.waste-heat-power" }.allSatisfy { $0.severity == .critical })
        #expect(d.findings.contains { $0.ruleID == "cement.waste-heat-power" })
    }

    /// `rules.enable` and `plugins.enable` keep only what they name; a dependency turned off is an error naming the configuration.
    @Test func enableLists() throws {
        guard case .success(let s) = try prepare("plugins: {enable: [cement]}\nrules: {enable: [cement.clinker-energy-limit]}\n") else {
            Issue.record("prepare failed")
            return
        }
        #expect(s.packs.map(\.name) == ["cement"])
        let d = s.runtime.diagnose(try ProfileDecoder.load(path: project + "/examples/plants/cement-laggard.yaml"))
        #expect(Set(d.findings.map(\.ruleID)) == ["cement.clinker-energy-limit"])

        let root = try PluginFixture.folder()
        try PluginFixture.write(in: root, name: "base")
        try PluginFixture.write(in: root, name: "user", manifest: PluginFixture.manifest("user", extra: "depends: {base: \"^1.0\"}"))
        guard case .success(let s2) = try prepare("plugins: {disable: [base]}\n", searchPath: [PluginRoot(path: root, origin: "t")]) else {
            Issue.record("prepare failed")
            return
        }
        #expect(s2.packs.isEmpty)
        #expect(s2.packErrors.first?.message.contains("plugin user depends on base, which the configuration turns off") == true, "\(s2.packErrors)")
    }

    /// Parameter overrides reach the rules, in the parameter's unit.
    @Test func parameterOverridesReachTheRules() throws {
        guard case .success(let s) = try prepare("parameters:\n  cement.cement-grinding-upgrade: {target_power: 25}\n") else {
            Issue.record("prepare failed")
            return
        }
        guard case .success(let base) = try prepare(nil) else { return }
        let profile = try ProfileDecoder.load(path: project + "/examples/plants/cement-laggard.yaml")
        let kwh = { (d: Diagnosis) in d.findings.first { $0.ruleID == "cement.cement-grinding-upgrade" }?.economics?.savings.first?.amount }
        let tuned = kwh(s.runtime.diagnose(profile)), plain = kwh(base.runtime.diagnose(profile))
        #expect(tuned != nil && plain != nil && tuned! > plain!)
    }

    /// Every key of the schema is documented in docs/plugins.md.
    @Test func everyKeyIsDocumented() throws {
        let docs = try String(contentsOfFile: project + "/docs/plugins.md", encoding: .utf8)
        for key in ConfigurationSchema.reference.map(\.key) {
            #expect(docs.contains("`\(key)`"), "docs/plugins.md does not document \(key)")
        }
    }
}

/// Without --config, `ediag.yaml` in the request's working folder is read; with `useWorkingFolderConfig` off it is not.
@Test func workingFolderConfiguration() throws {
    let dir = try PluginFixture.folder()
    try "output: {language: en}\n".write(toFile: dir + "/ediag.yaml", atomically: true, encoding: .utf8)
    var request = RunRequest(searchPath: [], workingDirectory: dir)
    let found = try RunSetup.prepare(request)
    #expect(found.configurationFile == dir + "/ediag.yaml")
    #expect(found.configuration.language == .en)
    request.useWorkingFolderConfig = false
    let hermetic = try RunSetup.prepare(request)
    #expect(hermetic.configurationFile == nil)
    #expect(hermetic.configuration.language == .zh)
}

/// Command-line keys are split along the schema (rule ids keep their dots) and wrong ones are refused.
@Test(arguments: [
    ("economics", "0.05", "'economics' is a section; give one of its keys, e.g. 'economics.discount_rate'"),
    ("output.format.extra", "json", "'output.format' takes a value; it has no key 'extra'"),
    ("outputs.format", "json", "unknown key 'outputs'. Did you mean 'output'?"),
    ("rules.severity.cement.no-such-rule", "info", "no rule 'cement.no-such-rule' is loaded"),
    ("rules.enable", "[cement.clinker-energy-limt]", "Did you mean 'cement.clinker-energy-limit'?"),
    ("plugins.enable", "[cemnt]", "plugins.enable: no plugin 'cemnt' is loaded. Did you mean 'cement'?"),
    ("economics.discount_rate", "[0.05", "syntax error"),
])
func commandLineKeyErrors(_ key: String, _ value: String, _ message: String) throws {
    let dir = try PluginFixture.folder()
    var request = RunRequest(searchPath: [PluginRoot(path: project + "/rules", origin: "rules")], workingDirectory: dir)
    request.overrides = [ConfigOverride(key: key, value: value)]
    do {
        _ = try RunSetup.prepare(request)
        Issue.record("accepted --set \(key)=\(value)")
    } catch {
        guard case .configuration(let errors) = error else { Issue.record("\(error)"); return }
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains(message) == true, "\(errors)")
        #expect(errors.first?.location.file.hasPrefix("command line --set \(key)") == true)
    }
}

/// `KEY=VALUE` is split at the first `=`; text without one is not an assignment.
@Test func assignments() {
    #expect(ConfigOverride(assignment: "rules.disable=[a.b, c.d]") == ConfigOverride(key: "rules.disable", value: "[a.b, c.d]"))
    #expect(ConfigOverride(assignment: "parameters.x.y = 27 kWh/t")?.value == "27 kWh/t")
    #expect(ConfigOverride(assignment: "no-equals") == nil)
    #expect(ConfigOverride(assignment: "=3") == nil)
}
