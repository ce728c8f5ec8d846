import EdiagEngine
import EdiagModel
import Testing

/// Deprecated rules: metadata is read and checked, and running one warns in the diagnosis.
@Suite struct DeprecationTests {
    private func rule(_ deprecated: String) -> String {
        """
        rule {
          id = "test.old", title = { zh = "旧", en = "old" }, category = "data_quality",
          references = { { standard = "test" } }, deprecated = \(deprecated),
          evaluate = function(plant, ctx) ctx:finding { message = "x" } end,
        }
        """
    }

    /// A deprecated rule still runs, and the diagnosis carries a warning naming the version and the replacement.
    @Test func runningADeprecatedRuleWarns() throws {
        let pack = try PackFixture.pack(files: ["r.lua": rule("{ since = \"1.2.0\", replaced_by = \"test.new\" }")])
        let runtime = try RuleRuntime(packs: [pack])
        #expect(runtime.rules.first?.deprecated == Deprecation(since: "1.2.0", replacedBy: "test.new"))
        let d = runtime.diagnose(try PackFixture.profile())
        #expect(d.findings.count == 1)
        #expect(d.warnings.map(\.message) == ["rule test.old is deprecated since 1.2.0, replaced by test.new (plugin test)"])
        #expect(d.warnings.first?.location.line == 1)
    }

    /// A disabled deprecated rule does not warn.
    @Test func disabledDeprecatedRuleDoesNotWarn() throws {
        let pack = try PackFixture.pack(files: ["r.lua": rule("{ since = \"1.2.0\" }")])
        var options = RuntimeOptions()
        options.disabledRules = ["test.old"]
        #expect(try RuleRuntime(packs: [pack], options: options).diagnose(try PackFixture.profile()).warnings.isEmpty)
    }

    /// Malformed deprecation metadata keeps the rule from loading, with a message saying the expected form.
    @Test(arguments: [("\"soon\"", "'deprecated' must be"), ("{ since = \"later\" }", "deprecated.since must be"),
                      ("{ since = \"1.0\", replaced_by = \"Not An Id\" }", "is not a rule id")])
    func malformedDeprecation(_ value: String, _ message: String) throws {
        let pack = try PackFixture.pack(files: ["r.lua": rule(value)])
        let runtime = try RuleRuntime(packs: [pack])
        #expect(runtime.rules.isEmpty)
        #expect(runtime.loadErrors.first?.message.contains(message) == true, "\(runtime.loadErrors)")
    }
}
