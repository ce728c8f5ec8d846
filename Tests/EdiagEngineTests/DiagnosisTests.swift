import EdiagEngine
import EdiagModel
import EdiagReport
import Foundation
import Testing

private let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

@Suite struct DiagnosisTests {
    /// Same inputs give byte-identical JSON, run after run and across fresh Lua states (whose hash
    /// seeds differ).
    @Test func diagnosisIsByteIdentical() throws {
        let (packs, errors) = PackLoader.discover(roots: [projectRoot + "/rules", projectRoot + "/plugins"])
        #expect(errors.isEmpty)
        let profile = try ProfileDecoder.load(path: projectRoot + "/examples/plants/cement-laggard.yaml")
        var outputs = Set<String>()
        for i in 0..<20 {
            let runtime = try RuleRuntime(packs: i % 2 == 0 ? packs : packs.reversed())
            outputs.insert(DiagnosisJSON.document(runtime.diagnose(profile), run: nil).serialized())
        }
        #expect(outputs.count == 1)
    }

    /// The cement slice: clinker limits not met, waste-heat power recommended with hand-computed economics.
    @Test func cementSliceEndToEnd() throws {
        let (packs, _) = PackLoader.discover(roots: [projectRoot + "/rules", projectRoot + "/plugins"])
        let runtime = try RuleRuntime(packs: packs)
        let d = runtime.diagnose(try ProfileDecoder.load(path: projectRoot + "/examples/plants/cement-laggard.yaml"))
        let energy = try #require(d.findings.first { $0.ruleID == "cement.clinker-energy-limit" })
        #expect(energy.compliance?.grade == .notMet)
        #expect(energy.compliance?.standard == "GB 16780-2021")
        // (121.4 − 100) kgce/t × 780 000 t / 1000 = 16 692 tce/a to the benchmark.
        #expect(abs((energy.compliance?.gapToBenchmarkTce ?? 0) - 16692) < 1e-6)
        // Limit violations come first: everything ranked before it is also a violation.
        #expect(d.findings.prefix(energy.priority - 1).allSatisfy { $0.compliance?.grade == .notMet })
        #expect(d.findings.first?.compliance?.grade == .notMet)
        let whr = try #require(d.findings.first { $0.ruleID == "cement.waste-heat-power" })
        let e = try #require(whr.economics)
        // 25 kWh/t × 780 000 t = 19.5 GWh; × 0.1229 kgce/kWh = 2396.55 tce; investment 10 000 × 2500 = 25 M yuan.
        #expect(abs(e.tcePerYear - 2396.55) < 1e-6)
        #expect(e.investmentYuan == 25_000_000)
        // Net saving = 19.5e6 × 0.63 × (1 − 0.12) = 10 810 800 yuan/a → payback 2.3125 a.
        #expect(abs((e.yuanPerYear ?? 0) - 10_810_800) < 1e-3)
        #expect(abs((e.simplePaybackYears ?? 0) - 25_000_000 / 10_810_800) < 1e-9)
    }

    /// An older assessment date grades against the edition then in force; a future edition is upcoming.
    @Test func editionInForceFollowsTheAssessmentDate() throws {
        let rule = """
            rule {
              id = "test.limit", title = { zh = "限额", en = "limit" }, category = "compliance",
              references = { { standard = "test" } },
              evaluate = function(plant, ctx)
                ctx:compliance { value = 110, limits = ediag.limits("t.limit") }
              end,
            }
            """
        let table = """
            id: t.limit
            unit: kgce/t
            editions:
              - {standard: STD-2010, effective: 2010-01-01, source: s, rows: [{grades: [100, 112, 120]}]}
              - {standard: STD-2020, effective: 2020-01-01, source: s, rows: [{grades: [100, 105, 108]}]}
              - {standard: STD-2030, effective: 2030-01-01, source: s, rows: [{grades: [90, 95, 100]}]}
            """
        let runtime = try RuleRuntime(packs: [try PackFixture.pack(files: ["a.lua": rule, "data/t.yaml": table])])
        func grade(_ date: String) throws -> Finding? {
            let yaml = PackFixture.profileYAML.replacingOccurrences(of: "2026-03-15", with: date)
            return runtime.diagnose(try PackFixture.profile(yaml)).findings.first
        }
        #expect(try grade("2015-06-01")?.compliance?.grade == .grade2)
        #expect(try grade("2015-06-01")?.compliance?.standard == "STD-2010")
        let now = try grade("2026-03-15")
        #expect(now?.compliance?.grade == .notMet)
        #expect(now?.compliance?.upcoming?.standard == "STD-2030")
        #expect(now?.compliance?.upcoming?.grade == .notMet)
        let before = runtime.diagnose(try PackFixture.profile(PackFixture.profileYAML.replacingOccurrences(of: "2026-03-15", with: "2005-01-01")))
        // Nothing in force in 2005: not applicable, no grade; STD-2010 (2010-01-01) is given as information only.
        #expect(before.findings.allSatisfy { $0.compliance == nil && $0.severity == .info })
        #expect(before.findings.first?.message.en.contains("From 2010-01-01 (STD-2010, grades 1/2/3: 100/112/120 kgce/t) this plant would be grade 2") == true)
        #expect(before.outcomes.first?.status == .notApplicable)
    }

    /// Non-monotonic grade tables are kept as published.
    @Test func nonMonotonicGradesAreKept() throws {
        let rule = """
            rule {
              id = "test.nm", title = { zh = "煤耗", en = "coal rate" }, category = "compliance",
              references = { { standard = "test" } },
              evaluate = function(plant, ctx) ctx:compliance { value = 285.5, limits = ediag.limits("t.nm") } end,
            }
            """
        let table = "id: t.nm\nunit: gce/kWh\neditions:\n  - {standard: S, effective: 2020-01-01, source: s, rows: [{grades: [286, 285, 299]}]}\n"
        let runtime = try RuleRuntime(packs: [try PackFixture.pack(files: ["a.lua": rule, "data/t.yaml": table])])
        let f = runtime.diagnose(try PackFixture.profile()).findings.first
        #expect(f?.compliance?.grade == .grade1)
        #expect(f?.compliance?.thresholds == [286, 285, 299])
    }

    /// Bad output from a rule (unknown carrier) is an error at the rule's line, not a wrong number.
    @Test func badRuleOutputIsAnErrorAtTheLine() throws {
        let rule = """
            rule {
              id = "test.bad", title = { zh = "坏", en = "bad" }, category = "saving_measure",
              references = { { standard = "test" } },
              evaluate = function(plant, ctx)
                ctx:recommend { savings = { electrcity = 100 }, investment = 1, lifetime = 5 }
              end,
            }
            """
        let runtime = try RuleRuntime(packs: [try PackFixture.pack(files: ["a.lua": rule])])
        let d = runtime.diagnose(try PackFixture.profile())
        let detail = d.outcomes.first { $0.status == .failed }?.detail ?? ""
        #expect(detail.contains("a.lua:5:"))
        #expect(detail.contains("unknown energy carrier 'electrcity'"))
    }
}

struct MessagePlaceholderTests {
    /// A placeholder asking for absurd decimals ({x:99999999999}, {x:25}, {x:-9}) neither traps nor hangs the host.
    @Test func absurdDecimalsAreCapped() throws {
        let rule = """
            rule {
              id = "t.decimals", title = { zh = "测试", en = "test" }, category = "data_quality",
              references = { { standard = "test" } },
              evaluate = function(plant, ctx)
                ctx:finding { message = { zh = "{x:99999999999}|{x:25}|{x:-9}", en = "{x:99999999999}|{x:25}|{x:-9}" },
                              values = { x = 1234.5 } }
              end,
            }
            """
        let runtime = try RuleRuntime(packs: [try PackFixture.pack(files: ["r.lua": rule])])
        #expect(runtime.loadErrors.isEmpty)
        let d = runtime.diagnose(try PackFixture.profile())
        #expect(PluginFixture.messages(d, rule: "t.decimals") == ["1,234.500000000|1,234.500000000|1,235"])
    }
}
