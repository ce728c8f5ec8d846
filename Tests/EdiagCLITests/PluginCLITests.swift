import Foundation
import Testing

/// A fresh temporary folder.
private func temporaryFolder() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ediag-cli-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

/// Writes a small plugin `name` into `folder`.
private func writePlugin(_ name: String, in folder: String, rule: String = "") throws {
    let dir = folder + "/" + name
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try "name: \(name)\nversion: 2.1.0\napi: \">=1.0 <2\"\ndescription: {zh: 外部, en: external}\n"
        .write(toFile: dir + "/plugin.yaml", atomically: true, encoding: .utf8)
    if !rule.isEmpty { try rule.write(toFile: dir + "/r.lua", atomically: true, encoding: .utf8) }
}

@Suite(.serialized) struct PluginCLITests {
    /// `plugins list` shows every plugin with version, rule count, folder, how it was found and its hash.
    @Test func pluginsList() throws {
        let r = try ediag(["plugins", "list"])
        #expect(r.status == 0, "\(r.err)")
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(lines.map { $0.split(separator: "\t")[0] } == ["cement", "chemicals", "nonferrous", "power", "steel", "equipment", "provincial-example"])
        #expect(lines[0].contains("1.0.0\t12 rules\trules/cement\t(project rules/)\tsha256:"))
        #expect(lines[6].contains("0 rules\tplugins/provincial-example\t(project plugins/)"))
    }

    /// `plugins info` shows where a plugin is from, what it provides, its economics and hash; a wrong name gets a suggestion.
    @Test func pluginsInfo() throws {
        let r = try ediag(["plugins", "info", "provincial-example"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("folder: plugins/provincial-example   found through: project plugins/"))
        #expect(r.out.contains("price of natural_gas: 2.952"))
        #expect(r.out.contains("grid CO2 factor: 0.6849 kgCO2/kWh"))
        #expect(r.out.contains("subsidy: 20 % of the investment, at most 100000000 yuan for every measure"))
        #expect(r.out.contains("hash: sha256:"))
        let wrong = try ediag(["plugins", "info", "cemnt"])
        #expect(wrong.status != 0)
        #expect(wrong.err.contains("No plugin 'cemnt' on the search path. Did you mean cement?"))
    }

    /// --plugin-path comes before EDIAG_PLUGIN_PATH; the same name on both is refused naming both places.
    @Test func searchPathOrder() throws {
        let first = try temporaryFolder(), second = try temporaryFolder()
        try writePlugin("external", in: first)
        try writePlugin("external", in: second)
        try writePlugin("envonly", in: second)
        let r = try ediag(["plugins", "list", "--plugin-path", first], environment: ["EDIAG_PLUGIN_PATH": "/no/such:" + second])
        #expect(r.status == 1)
        #expect(r.out.contains("external\t2.1.0\t0 rules\t\(first)/external\t(--plugin-path \(first))"))
        #expect(r.out.contains("envonly\t2.1.0\t0 rules\t\(second)/envonly\t(EDIAG_PLUGIN_PATH \(second))"))
        #expect(r.err.contains("error: /no/such: no such plugin folder (given as EDIAG_PLUGIN_PATH /no/such)"))
        #expect(r.err.contains("\(second)/external/plugin.yaml:1:7: a plugin named 'external' is also declared at \(first)/external/plugin.yaml:1:7 (found first, through --plugin-path \(first))"))
    }

    /// `plugins lock` writes the lockfile; a later run refuses a changed plugin naming the file, unless skipped explicitly.
    @Test func lockAndCheck() throws {
        let work = try temporaryFolder()
        try FileManager.default.copyItem(atPath: root + "/rules/cement", toPath: work + "/cement")
        let lock = work + "/ediag.lock"
        let locked = try ediag(["plugins", "lock", "--rules", work + "/cement", "--output", lock])
        #expect(locked.status == 0, "\(locked.err)")
        #expect(locked.out == "locked 1 plugins in \(lock)\n")
        let again = try ediag(["plugins", "lock", "--rules", work + "/cement", "--output", work + "/again.lock"])
        #expect(again.status == 0)
        #expect(try String(contentsOfFile: lock, encoding: .utf8) == (try String(contentsOfFile: work + "/again.lock", encoding: .utf8)))
        let plant = "examples/plants/cement-laggard.yaml"
        let ok = try ediag(["diagnose", plant, "--rules", work + "/cement", "--lockfile", lock, "--locked"])
        #expect(ok.status == 0, "\(ok.err)")

        let edited = try String(contentsOfFile: work + "/cement/data/clinker-energy.yaml", encoding: .utf8) + "# edited\n"
        try edited.write(toFile: work + "/cement/data/clinker-energy.yaml", atomically: true, encoding: .utf8)
        let refused = try ediag(["diagnose", plant, "--rules", work + "/cement", "--lockfile", lock])
        #expect(refused.status == 2)
        #expect(refused.err.contains("plugin cement in \(work)/cement differs from \(lock): changed: data/clinker-energy.yaml"))
        #expect(refused.out.isEmpty)

        try FileManager.default.removeItem(atPath: work + "/cement/data/clinker-energy.yaml")
        try FileManager.default.copyItem(atPath: root + "/rules/cement/data/clinker-energy.yaml", toPath: work + "/cement/data/clinker-energy.yaml")
        try "-- a new file\n".write(toFile: work + "/cement/lib/added.lua", atomically: true, encoding: .utf8)
        let skipped = try ediag(["diagnose", plant, "--rules", work + "/cement", "--lockfile", lock, "--skip-lock-check", "--format", "json"])
        #expect(skipped.err.contains("note: the lockfile check was skipped"))
        #expect(skipped.out.contains("\"notes\": [\n      \"the lockfile check was skipped (--skip-lock-check)"))
        let both = try ediag(["diagnose", plant, "--locked", "--skip-lock-check"])
        #expect(both.status != 0)
        #expect(both.err.contains("contradict"))
    }

    /// --locked refuses to run without a lockfile.
    @Test func lockedWithoutLockfile() throws {
        let work = try temporaryFolder()
        let r = try ediag(["diagnose", root + "/examples/plants/cement-laggard.yaml", "--locked"], in: work, environment: ["EDIAG_HOME": root])
        #expect(r.status == 2)
        #expect(r.err.contains("ediag.lock does not exist and --locked requires it"))
    }

    /// `config show` prints each value with its origin and the hash that the run record carries.
    @Test func configShowAndRunRecord() throws {
        let work = try temporaryFolder()
        try "# agency\noutput:\n  format: json\n  language: en\neconomics:\n  grid_co2_factor: regional\n"
            .write(toFile: work + "/ediag.yaml", atomically: true, encoding: .utf8)
        let env = ["EDIAG_HOME": root]
        let show = try ediag(["config", "show", "--set", "economics.discount_rate=0.06"], in: work, environment: env)
        #expect(show.status == 0, "\(show.err)")
        #expect(show.out.contains("# configuration file: ediag.yaml"))
        #expect(show.out.range(of: #"economics.grid_co2_factor = regional +# ediag.yaml:6:20"#, options: .regularExpression) != nil, "\(show.out)")
        #expect(show.out.range(of: #"economics.discount_rate = 0.06 +# command line \(--set\)"#, options: .regularExpression) != nil)
        #expect(show.out.range(of: #"output.ranking = payback +# default"#, options: .regularExpression) != nil)
        let hash = show.out.split(separator: "\n").first { $0.hasPrefix("# configuration hash: ") }!.dropFirst("# configuration hash: ".count)

        // The working folder's ediag.yaml applies to diagnose: JSON in English, and the same hash in the run record.
        let run = try ediag(["diagnose", root + "/examples/plants/cement-laggard.yaml", "--set", "economics.discount_rate=0.06"], in: work, environment: env)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("\"configuration_hash\": \"\(hash)\""))
        // A command-line option wins over the file.
        let text = try ediag(["diagnose", root + "/examples/plants/cement-laggard.yaml", "--format", "text"], in: work, environment: env)
        #expect(text.out.hasPrefix("湘中某水泥有限公司"))
        // Text reports end with the run record too.
        #expect(text.out.contains("\nRun record:\n  ediag version: "))
        #expect(text.out.contains("  plugin cement 1.0.0: sha256:"))
        #expect(text.out.range(of: #"  configuration hash: sha256:[0-9a-f]{64}\n  input hash: sha256:[0-9a-f]{64}\n  assessment date: 2026-03-15\n"#, options: .regularExpression) != nil)
    }

    /// A wrong configuration stops diagnose with file, line and allowed values, but `ediag test` stays hermetic.
    @Test func badConfigurationAndHermeticTests() throws {
        let work = try temporaryFolder()
        try "economics:\n  discount_rate: 2\n".write(toFile: work + "/ediag.yaml", atomically: true, encoding: .utf8)
        let env = ["EDIAG_HOME": root]
        let run = try ediag(["diagnose", root + "/examples/plants/cement-laggard.yaml"], in: work, environment: env)
        #expect(run.status == 2)
        #expect(run.err.contains("error: ediag.yaml:2:18: economics.discount_rate = 2 is out of bounds; allowed: 0 … 0.5"))
        let tests = try ediag(["test", "rules/cement", "--filter", "core-slice"], in: work, environment: env)
        #expect(tests.status == 0, "\(tests.out)")
        #expect(tests.out.hasSuffix("1 passed, 0 failed, 0 skipped\n"))
        let asked = try ediag(["test", "rules/cement", "--filter", "core-slice", "--config", "ediag.yaml"], in: work, environment: env)
        #expect(asked.status == 2)
    }

    /// `rules list` marks deprecated rules, and diagnosing with one prints a warning.
    @Test func deprecatedRules() throws {
        let work = try temporaryFolder()
        try writePlugin("legacy", in: work, rule: """
            rule {
              id = "legacy.old-check", title = { zh = "旧检查", en = "old check" }, category = "data_quality",
              references = { { standard = "test" } }, deprecated = { since = "2.0.0", replaced_by = "legacy.new-check" },
              evaluate = function(plant, ctx) ctx:finding { message = "x" } end,
            }
            """)
        let list = try ediag(["rules", "list", "--rules", work])
        #expect(list.out.contains("legacy.old-check\tdata_quality\told check / 旧检查\t[deprecated since 2.0.0, replaced by legacy.new-check]"))
        let run = try ediag(["diagnose", "examples/plants/cement-laggard.yaml", "--rules", work, "--lang", "en"])
        #expect(run.out.contains("rule legacy.old-check is deprecated since 2.0.0, replaced by legacy.new-check (plugin legacy)"))
    }
}
