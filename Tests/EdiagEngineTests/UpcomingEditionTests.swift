import EdiagEngine
import EdiagModel
import Foundation
import Testing

private let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

@Suite struct UpcomingEditionTests {
    /// With no edition in force, the rule is not applicable and the published upcoming edition's grade is
    /// reported as information (never as a grade in force).
    @Test func upcomingGradeIsInformationWhenNothingIsInForce() throws {
        let (packs, _) = PackLoader.discover(roots: [projectRoot + "/rules"])
        let runtime = try RuleRuntime(packs: packs.filter { $0.name == "steel" })
        let profile = try PackFixture.profile("""
            plant: {id: P-EARLY, name: Early, sector: steel}
            assessment: {date: 2026-05-12}
            process_units:
              - {id: SJ1, type: sinter_machine, process_energy: 60 kgce/t, sinter_output: 1 Mt}
            """)
        let d = runtime.diagnose(profile)
        #expect(d.outcomes.contains { $0.ruleID == "steel.sintering-energy-limit" && $0.status == .notApplicable })
        let info = try #require(d.findings.first { $0.ruleID == "steel.sintering-energy-limit" })
        #expect(info.severity == .info && info.category == .compliance && info.compliance == nil)
        // GB 21256-2025 sintering: 43 / 46 / 52 kgce/t from 2026-07-01; 60 > 52 → limit not met.
        #expect(info.message.en.contains("From 2026-07-01 (GB 21256-2025, grades 1/2/3: 43/46/52 kgce/t) this plant would be limit not met"))
    }
}
