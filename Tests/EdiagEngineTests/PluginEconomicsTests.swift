import EdiagEngine
import EdiagModel
import Foundation
import Testing

/// Plugin economics contributions and their precedence: profile, then configuration, then plugin, then defaults.
@Suite struct PluginEconomicsTests {
    private let contribution = EconomicContribution(
        plugin: "prov", provinces: ["Inner Mongolia", "内蒙古"], prices: ["electricity": SourcedNumber(0.4, source: "s")],
        gridFactor: SourcedNumber(0.6849, source: "s"), carbonPrice: SourcedNumber(62.36, source: "s"),
        subsidies: [Subsidy(measures: ["vfd"], share: 0.2, maxYuan: 10_000, source: "s")])

    private func profile(province: String?, price: String? = nil, region: String? = nil) throws -> PlantProfile {
        var plant = "plant: {id: P, name: P, sector: other"
        if let province { plant += ", province: \(province)" }
        if let region { plant += ", grid_region: \(region)" }
        plant += "}\nassessment: {date: 2026-03-15}\n"
        if let price { plant += "energy: {electricity: {consumption: 1 GWh, price: \(price)}}\n" }
        return try PackFixture.profile(plant)
    }

    private func value(_ p: PlantProfile, _ settings: EconomicSettings, measure: String = "vfd", investment: Double = 100_000) -> MeasureEconomics {
        MeasureValuation.value(measure: measure, savings: [("electricity", 100_000)], investment: investment, lifetime: 10, omCost: 0,
                               rangeLow: 1, rangeHigh: 1, confidence: "high", profile: p, settings: settings)
    }

    /// A plugin's price applies only in its provinces; the profile's price and the configuration's win over it.
    @Test func pricePrecedence() throws {
        var s = EconomicSettings()
        s.contributions = [contribution]
        #expect(value(try profile(province: "内蒙古"), s).yuanPerYear.map { abs($0 - (40_000 + 57.03 * 62.36)) < 1e-6 } == true)
        #expect(value(try profile(province: "Hunan"), s).yuanPerYear == nil)
        #expect(value(try profile(province: "Inner Mongolia", price: "0.5 yuan/kWh"), s).savings[0].yuan == 50_000)
        s.defaultPrices["electricity"] = 0.45
        #expect(value(try profile(province: "Inner Mongolia"), s).savings[0].yuan == 45_000)
    }

    /// The carbon price: profile, then configuration, then plugin, else 0.
    @Test func carbonPricePrecedence() throws {
        var s = EconomicSettings()
        s.contributions = [contribution]
        #expect(s.carbonPrice(province: "Inner Mongolia") == 62.36)
        #expect(s.carbonPrice(province: "Hunan") == 0)
        s.carbonPrice = 80
        #expect(s.carbonPrice(province: "Inner Mongolia") == 80)
    }

    /// The grid factor follows the configured choice; provincial falls back to regional, then national.
    @Test func gridFactorChoice() throws {
        var s = EconomicSettings()
        s.contributions = [contribution]
        let nm = try profile(province: "Inner Mongolia", region: "north"), hn = try profile(province: "Hunan", region: "central")
        #expect(s.gridFactor(for: nm) == GridFactor.national)
        s.gridFactor = .regional
        #expect(s.gridFactor(for: nm) == 0.6776)
        s.gridFactor = .provincial
        #expect(s.gridFactor(for: nm) == 0.6849)
        #expect(s.gridFactor(for: hn) == 0.5395)
        #expect(s.gridFactor(for: try profile(province: "Hunan")) == GridFactor.national)
        s.gridFactor = .fixed(0.5)
        #expect(s.gridFactor(for: nm) == 0.5)
    }

    /// A subsidy lowers the plant's own investment for payback and NPV, is capped, applies only to its measures,
    /// and leaves the cost of conserved energy on the gross investment.
    @Test func subsidies() throws {
        var s = EconomicSettings()
        s.contributions = [contribution]
        let p = try profile(province: "Inner Mongolia", price: "0.5 yuan/kWh")
        let withSubsidy = value(p, s)
        #expect(withSubsidy.subsidyYuan == 10_000)  // 20 % of 100 000 = 20 000, capped at 10 000
        let net = withSubsidy.yuanPerYear!
        #expect(abs(withSubsidy.simplePaybackYears! - 90_000 / net) < 1e-9)
        #expect(withSubsidy.investmentYuan == 100_000)
        let other = value(p, s, measure: "waste-heat-power")
        #expect(other.subsidyYuan == nil)
        #expect(abs(other.simplePaybackYears! - 100_000 / net) < 1e-9)
        #expect(other.costOfConservedEnergyYuanPerTce == withSubsidy.costOfConservedEnergyYuanPerTce)
        #expect(withSubsidy.notes.contains { $0.contains("subsidy 10000 yuan from plugin prov") })
    }

    /// A runtime adds the plugins' contributions to its economic settings.
    @Test func runtimeCollectsContributions() throws {
        let root = try PluginFixture.folder()
        try PluginFixture.write(in: root, name: "carbon", manifest: PluginFixture.manifest(
            "carbon", extra: "economics: {carbon_price: {value: 62.36, source: national ETS 2025 average (energy-figures.md §4)}}"))
        let (packs, errors) = PackLoader.discover(searchPath: [PluginRoot(path: root, origin: "t")])
        #expect(errors.isEmpty)
        let runtime = try RuleRuntime(packs: packs)
        #expect(runtime.options.economics.contributions.map(\.plugin) == ["carbon"])
        #expect(runtime.options.economics.carbonPrice(province: nil) == 62.36)
    }
}
