@testable import EdiagEngine
import EdiagModel
import LuaSandbox
import EdiagReport
import Foundation
import Testing

/// A rule with a kiln-energy finding whose tce is the clinker output in kt (hand-checkable).
private let kilnRule = """
    rule {
      id = "test.kiln", title = { zh = "窑", en = "kiln" }, category = "saving_measure",
      references = { { standard = "test" } },
      examples = {
        { name = "fires", profile = "plant.yaml", expect = "fires",
          findings = { { subject = "K1", kwh = { value = 780000, tolerance = 0.5 } } } },
        { name = "no data", profile = "plant.yaml", remove = { "process_units.K1.clinker_output" },
          expect = "insufficient_data", subject = "K1" },
        { name = "patched output", profile = "plant.yaml", patch = { process_units = { K1 = { clinker_output = "1 Mt" } } },
          expect = "fires", findings = { { subject = "K1", kwh = 1000000 } } },
      },
      evaluate = function(plant, ctx)
        for _, k in ipairs(ediag.units(plant, "clinker_kiln")) do
          if k.clinker_output == nil then
            ctx:insufficient_data { subject = k.id, needs = { "clinker_output" } }
          else
            ctx:recommend { subject = k.id, savings = { electricity = k.clinker_output }, investment = 1, lifetime = 10 }
          end
        end
      end,
    }
    """

/// A rule that depends on list order: it reports only the first kiln.
private let firstKilnRule = """
    rule {
      id = "test.first", title = { zh = "首", en = "first" }, category = "data_quality",
      references = { { standard = "test" } },
      evaluate = function(plant, ctx)
        local k = ediag.units(plant, "clinker_kiln")[1]
        if k then ctx:finding { subject = k.id, message = "first kiln" } end
      end,
    }
    """

private let twoKilns = """
    plant: {id: P1, name: Test, sector: cement}
    assessment: {date: 2026-03-15}
    process_units:
      - {id: K1, type: clinker_kiln, clinker_output: 780 kt}
      - {id: K2, type: clinker_kiln, clinker_output: 500 kt}
    """

@Suite struct AuthoringToolkitTests {
    /// A rule's examples run as tests: fires with field checks, patches by item id, removed fields.
    @Test func ruleExamplesRun() throws {
        let pack = try PackFixture.pack(files: ["kiln.lua": kilnRule, "plant.yaml": PackFixture.profileYAML])
        let runtime = try RuleRuntime(packs: [pack])
        #expect(runtime.loadErrors.isEmpty, "\(runtime.loadErrors)")
        let examples = try #require(runtime.examples["test.kiln"])
        #expect(examples.map(\.name) == ["fires", "no data", "patched output"])
        let runner = PackTestRunner(runtime: runtime)
        for example in examples {
            let result = runner.run(try example.testCase(), kind: .example)
            #expect(result.status == .passed, "\(example.name): \(result.failures)")
        }
    }

    /// A numeric mismatch names the field, the expected value with its tolerance and the actual value.
    @Test func failureIsFieldByField() throws {
        let pack = try PackFixture.pack(files: [
            "kiln.lua": kilnRule, "plant.yaml": PackFixture.profileYAML,
            "tests/wrong.yaml": """
                name: wrong kWh
                profile: ../plant.yaml
                expect:
                  - {rule: test.kiln, subject: K1, kwh: {value: 700000, tolerance: 10}}
                """,
        ])
        let runtime = try RuleRuntime(packs: [pack])
        let result = PackTestRunner(runtime: runtime).run(file: pack.directory + "/tests/wrong.yaml")
        #expect(result.status == .failed)
        let failure = try #require(result.failures.first)
        #expect(failure.field == "kwh" && failure.expected == "700000" && failure.actual == "780000" && failure.tolerance == "10")
        #expect(failure.location.hasSuffix("tests/wrong.yaml:4:5"))
        var report = PackTestReport()
        report.results = [result]
        let text = TestReportText.text(report)
        #expect(text.contains("expected: 700000  (tolerance ± 10)") && text.contains("actual:   780000"))
        #expect(text.hasSuffix("0 passed, 1 failed, 0 skipped\n"))
        #expect(JUnitReport.xml(report).contains("<failure message=\"kwh: expected 700000 ± 10, got 780000 (off by 80000)\">"))
    }

    /// Metamorphic variants: units are re-expressed before decoding, and an order-dependent rule is caught.
    @Test func metamorphicVariants() throws {
        #expect(MetamorphicCheck.reexpressed("45 GWh") == "45000 MWh")
        #expect(MetamorphicCheck.reexpressed("121.4 kgce/t") == "0.1214 tce/t")
        #expect(MetamorphicCheck.reexpressed("780 kt") == "780000 t")
        #expect(MetamorphicCheck.reexpressed("92 %") == nil)
        let rewritten = MetamorphicCheck.rewrite(try SourceDocument.parse(twoKilns, file: "two.yaml"), .units)
        guard case .mapping(let root, _) = rewritten, case .sequence(let units, _)? = root.first(where: { $0.key == "process_units" })?.value,
              case .mapping(let k1, _)? = units.first else { Issue.record("unexpected shape"); return }
        #expect(k1.first { $0.key == "clinker_output" }?.value.scalarText == "780000 t")
        let pack = try PackFixture.pack(files: ["first.lua": firstKilnRule, "kiln.lua": kilnRule, "plant.yaml": PackFixture.profileYAML])
        let runtime = try RuleRuntime(packs: [pack])
        let document = try SourceDocument.parse(twoKilns, file: "two.yaml")
        let original = runtime.diagnose(try ProfileDecoder.decode(document, source: "two.yaml"))
        let failures = MetamorphicCheck.failures(of: document, sourceName: "two.yaml", original: original, runtime: runtime, location: "two.yaml")
        // Reversing the kilns moves test.first's finding from K1 to K2; units and x_ fields change nothing.
        #expect(!failures.isEmpty)
        #expect(failures.allSatisfy { $0.message.hasPrefix("metamorphic (order)") }, "\(failures.map(\.message))")
        #expect(failures.contains { $0.message.contains("test.first K1") })
    }

    /// Golden diffs show removed and added lines with context.
    @Test func goldenDiffIsReadable() {
        let diff = GoldenFile.diff(expected: "a\nb\nc\nd", actual: "a\nB\nc\nd")
        #expect(diff == ["@@ line 1 @@", "  a", "- b", "+ B", "  c", "  d"])
        #expect(GoldenFile.diff(expected: "x", actual: "x").isEmpty)
    }

    /// Coverage counts executable lines only, marks lines run, and finds functions never called.
    @Test func lineCoverage() throws {
        let rule = """
            local function never_called(x)
              return x * 2
            end

            rule {
              id = "test.cov", title = { zh = "覆盖", en = "coverage" }, category = "data_quality",
              references = { { standard = "test" } },
              evaluate = function(plant, ctx)
                if plant.plant.id == "nobody" then
                  ctx:finding { message = "never", values = { x = never_called(1) } }
                end
                -- a comment
              end,
            }
            """
        let pack = try PackFixture.pack(files: ["cov.lua": rule])
        var options = RuntimeOptions()
        options.coverage = true
        let runtime = try RuleRuntime(packs: [pack], options: options)
        _ = runtime.diagnose(try PackFixture.profile())
        let file = try #require(runtime.coverage().first { $0.file.hasSuffix("cov.lua") })
        let missed = Set(file.executable).subtracting(file.hit)
        #expect(missed == [2, 10], "executable \(file.executable), hit \(file.hit)")
        #expect(!file.executable.contains(12) && !file.executable.contains(4))
        // Without coverage nothing is recorded.
        #expect(try RuleRuntime(packs: [pack]).coverage().isEmpty)
    }

    /// The coverage line hook coexists with the instruction limit, and a nested call from a host
    /// function (rule{} freezing its parameters) leaves the outer call's limits armed.
    @Test func limitsHoldWithCoverageAndNestedCalls() throws {
        let looping = """
            rule { id = "test.loop", title = { zh = "循环", en = "loop" }, category = "data_quality", references = { { standard = "x" } },
              evaluate = function() while true do end end }
            """
        let afterRule = """
            rule { id = "test.fine", title = { zh = "好", en = "fine" }, category = "data_quality", references = { { standard = "x" } },
              parameters = { k = { default = 1, unit = "1" } }, evaluate = function() end }
            while true do end
            """
        var options = RuntimeOptions()
        options.coverage = true
        options.loadLimits = LuaLimits(memoryBytes: 64 << 20, instructions: 1_000_000, seconds: 5)
        options.limits = LuaLimits(memoryBytes: 32 << 20, instructions: 1_000_000, seconds: 10)
        let runtime = try RuleRuntime(packs: [try PackFixture.pack(files: ["a.lua": looping, "b.lua": afterRule])], options: options)
        #expect(runtime.loadErrors.count == 1)
        #expect(runtime.loadErrors.first?.message.contains("instruction limit") == true, "\(runtime.loadErrors)")
        let outcome = runtime.diagnose(try PackFixture.profile()).outcomes.first { $0.ruleID == "test.loop" }
        #expect(outcome?.status == .failed && outcome?.detail.contains("instruction limit") == true)
    }

    /// The deprecated-API scan skips comments and strings and field accesses, but not concatenations.
    @Test func deprecatedScanReadsLuaNotText() {
        let source = """
            -- unpack(t) in a comment
            local s = "table.getn(t)" .. 'math.pow'
            --[==[ unpack
            ]==] local x = obj.unpack(t)
            local y = [[ loadstring ]] .. unpack(t)
            local z = table.getn(t)
            """
        let messages = RuleLinter.deprecatedUse(in: SourceFile(path: "x.lua", text: source))
        #expect(messages.map { "\($0.location.line ?? 0) \($0.message)" } == [
            "5 'unpack' is deprecated or not available to rules",
            "6 'table.getn' is deprecated or not available to rules",
        ])
    }

    /// Limit-table warnings: duplicate selectors, a row after a catch-all, a size grid with a gap, same-day editions.
    @Test func dataTableWarnings() throws {
        let table = """
            id: test.grid
            unit: "%"
            better: higher
            editions:
              - standard: T 1
                effective: 2020-01-01
                source: test
                rows:
                  - {match: {kw: 5.5, poles: 2}, grades: [92, 90, 88]}
                  - {match: {kw: 5.5, poles: 4}, grades: [93, 91, 89]}
                  - {match: {kw: 7.5, poles: 2}, grades: [93, 91, 89]}
                  - {match: {kw: 7.5, poles: 2}, grades: [94, 92, 90]}
              - standard: T 2
                effective: 2020-01-01
                source: test
                rows:
                  - grades: [1, 2, 3]
                  - {match: {kind: a}, grades: [3, 2, 1]}
            """
        let messages = DataTableLint.check(try SourceDocument.parse(table, file: "t.yaml"), file: "t.yaml")
        #expect(messages.map { "\($0.check) \($0.location.line ?? 0)" } == [
            "row-overlap 12", "row-gap 5", "edition-overlap 13", "non-monotonic-grades 17", "row-overlap 18",
        ], "\(messages.map(\.description))")
        #expect(messages.first { $0.check == "row-gap" }?.message.contains("{kw=7.5, poles=4}") == true)
    }

    /// Lint reports load problems with hints, one-language titles, untested rules, deprecated API and
    /// non-monotonic grades, every refused declaration of a file at once; the project's packs have no errors.
    @Test func lintFindsProblems() throws {
        let pack = try PackFixture.pack(files: [
            "a.lua": """
                rule { id = "test.one", title = "one", category = "data_quality", references = { { standard = "x" } },
                  evaluate = function(plant, ctx) local n = table.getn({}) end }
                """,
            "b.lua": """

                rule { id = "test.two", title = { zh = "二", en = "two" }, category = "nonsense", references = { { standard = "x" } },
                  evaluate = function() end }
                """,
            "c.lua": """
                rule { id = "test.one", title = { zh = "一", en = "one" }, category = "data_quality", references = { { standard = "x" } },
                  evaluate = function() end }
                rule { id = "test.three", title = { zh = "三", en = "three" }, category = "data_quality", references = { { standard = "x" } },
                  parameters = { k = { default = 1 } }, evaluate = function() end }
                rule { id = "test.four", title = { zh = "四", en = "four" }, category = "data_quality", references = { { standard = "x" } },
                  parameters = { k = { default = 9, unit = "1", max = 5 } }, evaluate = function() end }
                """,
            "data/limits.yaml": """
                id: test.limits
                unit: kgce/t
                editions:
                  - standard: T 1
                    effective: 2020-01-01
                    source: test
                    rows:
                      - grades: [100, 90, 120]
                """,
        ])
        let messages = RuleLinter().lint(roots: [pack.directory])
        let checks = Set(messages.map(\.check))
        #expect(checks.isSuperset(of: ["missing-title", "untested-rule", "deprecated-api", "unknown-category", "non-monotonic-grades",
                                       "duplicate-id", "parameter-unit", "default-out-of-bounds"]), "\(messages.map(\.description))")
        let unknown = try #require(messages.first { $0.check == "unknown-category" })
        #expect(unknown.location.file.hasSuffix("b.lua") && unknown.location.line == 2 && unknown.severity == .error && unknown.hint.contains("saving_measure"))
        #expect(messages.first { $0.check == "deprecated-api" }?.location.line == 2)
        let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let project = RuleLinter().lint(roots: [projectRoot + "/rules", projectRoot + "/plugins"])
        #expect(project.filter { $0.severity == .error }.isEmpty, "\(project.filter { $0.severity == .error }.map(\.description))")
    }
}
