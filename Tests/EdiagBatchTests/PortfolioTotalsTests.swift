import EdiagBatch
import EdiagEngine
import EdiagModel
import Foundation
import Testing

struct PortfolioTotalsTests {
    /// The portfolio's totals are the plants' own totals (overlapping measures counted once), not the plain sum of measures.
    @Test func totalsAreNetOfOverlaps() throws {
        let plant = BatchFixture.root + "/examples/plants/chemicals-laggard.yaml"
        let out = try BatchFixture.folder("totals")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let packs = BatchFixture.standardPacks()
        _ = try BatchFixture.run([plant], out: out, packs: packs)
        let diagnosis = try RuleRuntime(packs: packs).diagnose(try ProfileDecoder.load(path: plant))
        #expect(diagnosis.totals.overlap.tcePerYear > 0, "the example must exercise overlapping measures")
        let data = try Data(contentsOf: URL(fileURLWithPath: out + "/portfolio.json"))
        let document = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let totals = document["totals"] as! [String: Any]
        let tce = (totals["tce_per_year"] as! NSNumber).doubleValue
        let overlap = (totals["overlap_tce_per_year"] as! NSNumber).doubleValue
        #expect(abs(tce - diagnosis.totals.tcePerYear) <= 1e-6 * diagnosis.totals.tcePerYear)
        #expect(abs(overlap - diagnosis.totals.overlap.tcePerYear) <= 1e-6 * overlap)
        let sector = (document["by_sector"] as! [[String: Any]])[0]
        #expect(abs((sector["tce_per_year"] as! NSNumber).doubleValue - tce) <= 1e-6 * tce)
    }
}
