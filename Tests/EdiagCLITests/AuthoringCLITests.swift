import Foundation
import Testing

@Suite(.serialized) struct AuthoringCLITests {
    /// `ediag explain` shows the applicability decision, the values read, the thresholds compared and the cost.
    @Test func explainShowsTheDecision() throws {
        let r = try ediag(["explain", "cement.clinker-energy-limit", "examples/plants/cement-laggard.yaml"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("process_units[1] (K1).clinker_energy = 121.4 kgce/t"))
        #expect(r.out.contains("K1: 121.4 kgce/t against GB 16780-2021 grades 100 / 107 / 117 (lower is better) → not_met"))
        #expect(r.out.contains("Lua instructions"))
        let measure = try ediag(["explain", "cement.waste-heat-power", "examples/plants/cement-laggard.yaml"])
        // 25 kWh/t × 780 000 t; 10 000 yuan/(t/d) × 2500 t/d.
        #expect(measure.out.contains("the rule passed savings electricity 19500000/a, investment 25000000 yuan"))
        #expect(measure.out.contains("host valuation: 2,397 tce/a"))
        let steel = try ediag(["explain", "cement.waste-heat-power", "examples/plants/steel-plant.yaml"])
        #expect(steel.out.contains("does not apply: no clinker kiln"))
    }

    /// `ediag test --json` and `--junit` describe the same run; the text summary line is exact.
    @Test func testReportsForCI() throws {
        let junit = FileManager.default.temporaryDirectory.appendingPathComponent("junit-\(UUID().uuidString).xml").path
        let text = try ediag(["test", "rules/cement", "--filter", "example", "--junit", junit])
        #expect(text.status == 0, "\(text.out)")
        #expect(text.out == "9 passed, 0 failed, 0 skipped\n")
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.contains("<testsuite name=\"cement\" tests=\"9\" failures=\"0\" skipped=\"0\">"))
        let json = try ediag(["test", "rules/cement", "--filter", "example", "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        #expect((object?["summary"] as? [String: Any])?["line"] as? String == "9 passed, 0 failed, 0 skipped")
    }

    /// `ediag lint` passes on the project's packs (warnings only) and `--min-coverage` fails above what is reached.
    @Test func lintAndCoverageGates() throws {
        let lint = try ediag(["lint", "rules", "plugins"])
        #expect(lint.status == 0, "\(lint.out)")
        #expect(lint.out.hasSuffix(" warnings\n") && lint.out.contains("\n0 errors, "))
        // With no folder it lints the project's rules/ and plugins/ (it used to stop the process).
        let bare = try ediag(["lint"])
        #expect(bare.status == 0 && bare.out == lint.out, "\(bare.err)")
        let coverage = try ediag(["test", "rules/cement", "--filter", "example", "--min-coverage", "100"])
        #expect(coverage.status == 1)
        #expect(coverage.out.contains("is below the minimum 100%"))
        #expect(coverage.out.contains("rules/cement/waste_heat_power.lua"))
    }

    /// `ediag new pack` and `ediag new rule` write a pack and a rule whose test passes and which lints clean.
    @Test func scaffoldingWorks() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("scaffold-\(UUID().uuidString)").path
        let pack = try ediag(["new", "pack", "glass", "--dir", parent])
        #expect(pack.status == 0, "\(pack.err)")
        let rule = try ediag(["new", "rule", "--rules", parent, "--pack", "glass", "--id", "glass.furnace-electricity"])
        #expect(rule.status == 0, "\(rule.err)")
        #expect(FileManager.default.fileExists(atPath: parent + "/glass/furnace_electricity.lua"))
        let test = try ediag(["test", "--rules", parent])
        #expect(test.status == 0 && test.out == "1 passed, 0 failed, 0 skipped\n", "\(test.out)")
        let lint = try ediag(["lint", parent])
        #expect(lint.status == 0 && lint.out.hasSuffix("0 errors, 1 warning\n"), "\(lint.out)")
        let again = try ediag(["new", "rule", "--rules", parent, "--pack", "glass", "--id", "glass.furnace-electricity"])
        #expect(again.status != 0 && again.err.contains("already exists"))
    }
}
