import EdiagEngine
import EdiagModel
import EdiagReport
import Foundation
import Testing

@Suite struct MeasureInteractionTests {
    /// A rule file with one saving measure whose `recommend` table body is `body`.
    private static func measure(_ id: String, _ body: String) -> String {
        """
        rule {
          id = "test.\(id)", title = { zh = "措施", en = "measure" }, category = "saving_measure",
          references = { { standard = "test" } },
          evaluate = function(plant, ctx)
            ctx:recommend { subject = "M1", investment = 1000, lifetime = 10, confidence = "high", \(body) }
          end,
        }
        """
    }

    private static let profileYAML = """
        plant: {id: P1, name: Test, sector: cement}
        assessment: {date: 2026-03-15}
        energy:
          electricity: {consumption: 10 GWh, price: 0.6 yuan/kWh}
          raw_coal: {consumption: 100 kt, price: 800 yuan/t}
        """

    /// Totals combine a group's savings against its base and take declared overlaps off once;
    /// measures outside a group and groups of one are summed as before; each finding keeps its
    /// stand-alone figures.
    @Test func totalsCountOverlappingSavingsOnce() throws {
        let files = [
            "a.lua": Self.measure("vfd", #"savings = { electricity = 300000 }, interaction = { group = "drive:M1", base = { electricity = 1000000 } }"#),
            "b.lua": Self.measure("motor", #"savings = { electricity = 200000 }, interaction = { group = "drive:M1", base = { electricity = 1000000 } }"#),
            "c.lua": Self.measure("cooler", #"savings = { raw_coal = 1000 }, interaction = { group = "kiln-heat:K1", overlap = { electricity = 100000 } }"#),
            "d.lua": Self.measure("whr", #"savings = { electricity = 500000 }, interaction = { group = "kiln-heat:K1" }"#),
            "e.lua": Self.measure("alone", #"savings = { electricity = 50000 }, interaction = { group = "drive:M9", base = { electricity = 60000 } }"#),
            "f.lua": Self.measure("plain", #"savings = { electricity = 40000 }"#),
        ]
        let runtime = try RuleRuntime(packs: [try PackFixture.pack(files: files)])
        let d = runtime.diagnose(try PackFixture.profile(Self.profileYAML))
        #expect(d.outcomes.allSatisfy { $0.status != .failed })
        let t = d.totals
        // drive:M1: 1e6 × (1 − 0.7 × 0.8) = 440 000 kWh instead of 500 000 → 60 000 kWh counted once.
        // kiln-heat:K1: the cooler's declared 100 000 kWh come off the WHR plant's 500 000 kWh.
        // 160 000 kWh × 0.1229 kgce/kWh = 19.664 tce; × 0.6 yuan/kWh = 96 000 yuan; × 0.5703 kg/kWh = 91.248 t CO2.
        #expect(abs(t.overlap.tcePerYear - 19.664) < 1e-9)
        #expect(abs(t.overlap.yuanPerYear - 96_000) < 1e-6)
        #expect(abs(t.overlap.co2TonnesPerYear - 91.248) < 1e-9)
        // Plain sum: electricity 1 090 000 kWh (133.961 tce) + coal 1000 t × 0.7143 = 714.3 tce → 848.261 tce.
        #expect(abs(t.tcePerYear - (848.261 - 19.664)) < 1e-9)
        #expect(t.count == 6)
        let vfd = try #require(d.findings.first { $0.ruleID == "test.vfd" }?.economics)
        #expect(abs(vfd.tcePerYear - 36.87) < 1e-9)
        #expect(vfd.interaction == MeasureInteraction(group: "drive:M1", base: ["electricity": 1_000_000]))
        let json = DiagnosisJSON.document(d, run: nil).serialized()
        let totals = try #require(json.range(of: #""totals""#).map { String(json[$0.lowerBound...].prefix(400)) })
        #expect(totals.contains(#""overlap""#) && totals.contains("19.664"))
    }

    /// A malformed interaction stops the rule with a message at its line.
    @Test func malformedInteractionIsAnErrorAtTheLine() throws {
        let cases = [
            (#"savings = { electricity = 1 }, interaction = { base = { electricity = 10 } }"#, "needs"),
            (#"savings = { electricity = 1 }, interaction = { group = "g", base = { electricity = -10 } }"#, "must be positive"),
            (#"savings = { electricity = 1 }, interaction = { group = "g", overlap = { electrcity = 1 } }"#, "unknown energy carrier 'electrcity'"),
        ]
        for (body, message) in cases {
            let runtime = try RuleRuntime(packs: [try PackFixture.pack(files: ["a.lua": Self.measure("bad", body)])])
            let d = runtime.diagnose(try PackFixture.profile(Self.profileYAML))
            let detail = d.outcomes.first { $0.status == .failed }?.detail ?? ""
            #expect(detail.contains("a.lua:5:"), "\(body)")
            #expect(detail.contains(message) || (message == "needs" && detail.contains("interaction must be")), "\(detail)")
        }
    }
}

@Suite struct MeasurePaybackNoteTests {
    /// A measure whose simple payback exceeds its lifetime carries a note saying so; one within its life does not.
    @Test func paybackBeyondLifeIsNoted() throws {
        func rule(_ id: String, _ investment: Int) -> String {
            """
            rule {
              id = "test.\(id)", title = { zh = "措施", en = "measure" }, category = "saving_measure",
              references = { { standard = "test" } },
              evaluate = function(plant, ctx)
                ctx:recommend { subject = "M1", savings = { electricity = 10000 }, investment = \(investment), lifetime = 10 }
              end,
            }
            """
        }
        // 10 000 kWh × 0.6 yuan/kWh = 6000 yuan/a: 66 000 yuan pays back in 11 a (> 10), 54 000 in 9 a.
        let files = ["a.lua": rule("long", 66_000), "b.lua": rule("short", 54_000)]
        let runtime = try RuleRuntime(packs: [try PackFixture.pack(files: files)])
        let d = runtime.diagnose(try PackFixture.profile())
        let long = try #require(d.findings.first { $0.ruleID == "test.long" }?.economics)
        let short = try #require(d.findings.first { $0.ruleID == "test.short" }?.economics)
        #expect(abs((long.simplePaybackYears ?? 0) - 11) < 1e-9)
        #expect(long.notes.contains { $0.contains("pays back only after its 10-year life") })
        #expect(!short.notes.contains { $0.contains("pays back only after") })
    }
}

@Suite struct SteamGroupTests {
    private static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// Two steam measures on one boiler combine against the boiler's fuel, capped at what the plant burns.
    @Test func steamMeasuresCombineAgainstThePlantsFuel() throws {
        let (packs, _) = PackLoader.discover(roots: [Self.projectRoot + "/rules"])
        let runtime = try RuleRuntime(packs: packs.filter { $0.name == "chemicals" })
        let network = "steam_use: 500 kt, steam_traps: 100, failed_trap_share: 20 %, hours: 8000 h/a"
        let profile = try PackFixture.profile("""
            plant: {id: CH-G, name: steam group, sector: chemicals}
            assessment: {date: 2026-03-15}
            energy:
              raw_coal: {consumption: 10 kt, price: 900 yuan/t}
            process_units:
              - {id: SN1, type: steam_network, \(network)}
              - {id: SN2, type: steam_network, \(network)}
            equipment:
              - {id: B-MAIN, type: boiler, capacity: 75 t/h, fuel: coal, firing: cfb, thermal_efficiency: 84 %, economizer: true, hours: 8000 h/a}
            """)
        let d = runtime.diagnose(profile)
        // Each network: 1600 t steam → 342.3843 t coal (rules/chemicals/tests/steam-from-largest-boiler.yaml).
        // The boiler could burn ~128 000 t at its rating, but the plant burns 10 000 t: the base is 10 000 t, so
        // together they save 10 000 × (1 − (1 − a)²), a = 0.03423843: 11.7227 t coal (8.3735 tce) less than the sum.
        let repairs = d.findings.filter { $0.ruleID == "chemicals.steam-system-repair" }
        #expect(repairs.count == 2)
        #expect(repairs.allSatisfy { $0.economics?.interaction?.base["raw_coal"] == 10_000 })
        #expect(abs(d.totals.overlap.tcePerYear - 8.3735) < 1e-3)
    }
}
