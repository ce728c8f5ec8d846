import EdiagEngine
import EdiagModel
import Foundation
import Testing

private let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// The batch portfolio `examples/portfolio/`: every profile must stay valid and diagnosable, so the
/// portfolio cannot rot as the schema and the packs change.
@Suite struct PortfolioTests {
    static let directory = projectRoot + "/examples/portfolio"

    static func profilePaths() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yaml") }.sorted().map { directory + "/" + $0 }
    }

    /// Coal equivalent of everything the plant uses, at the host's coefficients (measured calorific values first).
    static func energyTce(_ profile: PlantProfile) -> Double {
        var tce = 0.0
        for field in profile.energy?.fields ?? [] {
            guard let carrier = EnergyCarrier.named(field.name), let use = field.value.object,
                  let amount = use["consumption"]?.number else { continue }
            let kgce = use["calorific_value"]?.number.map { $0 / 29.3076 } ?? carrier.kgcePerUnit
            tce += amount * kgce / 1000
        }
        return tce
    }

    /// 35 plants, 7 per sector, unique ids; every profile validates without warnings; every plant is
    /// diagnosed with no rule failure; no measure is proposed twice for one subject; savings stay below
    /// the plant's own energy use; the compliance mix (leaders, laggards, undeterminable) is as documented
    /// in examples/portfolio/README.md.
    @Test func wholePortfolioDiagnoses() throws {
        let paths = try Self.profilePaths()
        #expect(paths.count == 35)
        let (packs, packErrors) = PackLoader.discover(roots: [projectRoot + "/rules", projectRoot + "/plugins"])
        #expect(packErrors.isEmpty)
        let runtime = try RuleRuntime(packs: packs)
        #expect(runtime.loadErrors.isEmpty)
        var sectors: [String: Int] = [:]
        var ids = Set<String>()
        var plantsOverALimit = Set<String>()
        var plantsWithUndeterminedLimit = Set<String>()
        var plantsWithOverlap = 0
        for path in paths {
            let profile = try ProfileDecoder.load(path: path)
            #expect(profile.warnings.isEmpty, "\(path): \(profile.warnings)")
            let d = runtime.diagnose(profile)
            sectors[d.sector, default: 0] += 1
            #expect(ids.insert(d.plantID).inserted, "duplicate plant id \(d.plantID)")
            #expect(d.outcomes.allSatisfy { $0.status != .failed }, "\(path): \(d.outcomes.filter { $0.status == .failed })")
            let measures = d.findings.compactMap { f in f.economics.map { "\($0.measure)@\(f.subject)" } }
            #expect(Set(measures).count == measures.count, "\(path): a measure proposed twice: \(measures)")
            let sectorLimits = d.findings.filter { $0.category == .compliance && $0.ruleID.hasPrefix(d.sector + ".") }
            if sectorLimits.contains(where: { $0.compliance?.grade == .notMet }) { plantsOverALimit.insert(d.plantID) }
            if d.outcomes.contains(where: { $0.ruleID.hasPrefix(d.sector + ".") && $0.ruleID.hasSuffix("-limit") && $0.status == .insufficientData }) {
                plantsWithUndeterminedLimit.insert(d.plantID)
            }
            let t = d.totals
            #expect(t.tcePerYear.isFinite && t.tcePerYear >= 0 && t.overlap.tcePerYear >= 0)
            #expect(t.tcePerYear < Self.energyTce(profile), "\(path): saves more than it uses")
            if t.overlap.tcePerYear > 0 { plantsWithOverlap += 1 }
        }
        #expect(sectors == ["cement": 7, "steel": 7, "chemicals": 7, "nonferrous": 7, "power": 7])
        #expect(plantsOverALimit == ["GX-CEM-0106", "HEB-CEM-0105", "SX-STL-0203", "SX-CHE-0303", "NX-CHE-0307",
                                     "GZ-NFM-0407", "SX-PWR-0502", "NM-PWR-0507"])
        #expect(plantsWithUndeterminedLimit == ["YN-CEM-0104", "HEB-CEM-0105", "SD-STL-0204", "NM-CHE-0304", "JS-CHE-0306",
                                                "YN-NFM-0402", "GS-PWR-0504", "SX-PWR-0502"])
        #expect(plantsWithOverlap >= 20)
    }
}
