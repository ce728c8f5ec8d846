import EdiagModel
import Testing

/// Absurd but valid figures reach the valuation as they are; it must never answer with an infinite
/// or negative payback.
@Suite struct AbsurdValueTests {
    private func profile(_ energy: String) throws -> PlantProfile {
        let yaml = """
            plant: {id: P1, name: Test, sector: other}
            assessment: {date: 2026-03-15}
            energy:
            \(energy)
            """
        return try ProfileDecoder.decode(try SourceDocument.parse(yaml, file: "p.yaml"), source: "p.yaml")
    }

    private func value(_ savings: [(carrier: String, amount: Double)], investment: Double = 1000, om: Double = 0,
                       profile: PlantProfile) -> MeasureEconomics {
        MeasureValuation.value(measure: "m", savings: savings, investment: investment, lifetime: 10, omCost: om,
                               rangeLow: 0.75, rangeHigh: 1.25, confidence: "medium", profile: profile, settings: EconomicSettings())
    }

    /// A price of zero values the saving at nothing: no payback, a note saying why, every figure finite.
    @Test func zeroPriceHasNoPayback() throws {
        let e = value([("electricity", 10_000)], profile: try profile("  electricity: {consumption: 1 GWh, price: 0 yuan/kWh}"))
        #expect(e.simplePaybackYears == nil)
        #expect(e.irr == nil)
        #expect(e.notes.contains { $0.contains("price of electricity is zero") })
        #expect(e.isFinite)
    }

    /// A zero saving (a 0 kW motor) and a negative one never pay back; zero investment pays back at once.
    @Test func zeroAndNegativeSavingsNeverPayBack() throws {
        let p = try profile("  electricity: {consumption: 1 GWh, price: 0.6 yuan/kWh}")
        #expect(value([("electricity", 0)], profile: p).simplePaybackYears == nil)
        #expect(value([("electricity", -5_000)], profile: p).simplePaybackYears == nil)
        #expect(value([("electricity", 5_000)], investment: 0, profile: p).simplePaybackYears == 0)
        #expect(value([("electricity", 5_000)], om: 1e9, profile: p).simplePaybackYears == nil)
    }

    /// A saving so large that a product overflows is reported as not finite, so the host refuses it.
    @Test func overflowingFiguresAreNotFinite() throws {
        let p = try profile("  electricity: {consumption: 1 GWh, price: 0.6 yuan/kWh}")
        #expect(!value([("electricity", 1.7e308)], profile: p).isFinite)
        #expect(value([("electricity", 1e12)], profile: p).isFinite)
    }
}
