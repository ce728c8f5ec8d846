/// The parameters the host uses to value every measure (documented in `docs/economics.md`).
public struct EconomicSettings: Sendable, Equatable {
    /// Real discount rate used when the profile gives none: 8 %, the social discount rate of
    /// 《建设项目经济评价方法与参数（第三版）》 (NDRC/MOHURD 2006).
    public var defaultDiscountRate: Double = 0.08
    /// kgce per kWh for electricity: 0.1229 (equivalent value, GB/T 2589-2020) by default; set the
    /// equal-value factor (e.g. 0.30) to count electricity at the primary energy behind it.
    public var electricityKgcePerKWh: Double = 0.1229
    /// Grid CO2 factor (kgCO2/kWh): `nil` uses the national factor 0.5703.
    public var gridFactor: Double?
    /// Use the regional factor of the plant's `grid_region` (MEE/NBS 2022) when it has one.
    public var useRegionalGridFactor = false
    /// Carbon price (yuan/tCO2) when the profile gives none; 0 = CO2 not valued.
    public var carbonPrice: Double = 0
    /// Energy prices (yuan per carrier unit) used when the profile gives none.
    public var defaultPrices: [String: Double] = [:]

    public init() {}
}

/// The economics of a measure, computed from what its rule returned.
public enum MeasureValuation {
    /// Values a measure's savings and investment for one plant.
    /// - Parameters:
    ///   - savings: carrier id → amount saved per year in the carrier's unit (negative = more use).
    ///   - investment: yuan.
    ///   - lifetime: years.
    ///   - omCost: extra operation and maintenance cost, yuan per year.
    public static func value(measure: String, savings: [(carrier: String, amount: Double)], investment: Double,
                             lifetime: Double, omCost: Double, rangeLow: Double, rangeHigh: Double, confidence: String,
                             profile: PlantProfile, settings: EconomicSettings) -> MeasureEconomics {
        var lines: [CarrierSaving] = []
        var notes: [String] = []
        var tce = 0.0, co2 = 0.0, yuan = 0.0
        var priceMissing = false
        let gridFactor = settings.gridFactor
            ?? (settings.useRegionalGridFactor ? profile.gridRegion.flatMap { GridFactor.regional2022[$0] } : nil)
            ?? GridFactor.national
        for (carrierID, amount) in savings {
            guard let carrier = EnergyCarrier.named(carrierID) else { continue }
            let energyUse = profile.energy?[carrierID]?.object
            var kgcePerUnit = carrier.kgcePerUnit
            if carrier.unit == "kWh" { kgcePerUnit = settings.electricityKgcePerKWh }
            // A measured calorific value (MJ per carrier unit) replaces the reference: 29.3076 MJ = 1 kgce.
            if let cv = energyUse?["calorific_value"]?.number { kgcePerUnit = cv / 29.3076 }
            var kgCO2PerUnit = carrier.kgCO2PerUnit
            if carrier.id == "electricity" { kgCO2PerUnit = gridFactor }
            if let f = energyUse?["co2_factor"]?.number { kgCO2PerUnit = f }
            let lineTce = amount * kgcePerUnit / 1000
            let lineCO2 = amount * kgCO2PerUnit / 1000
            let price = profile.price(of: carrierID) ?? settings.defaultPrices[carrierID]
            var lineYuan: Double?
            if let price {
                lineYuan = amount * price
                yuan += amount * price
                if price == 0 && amount != 0 { notes.append("the price of \(carrierID) is zero, so its saving is worth nothing") }
            } else if amount != 0 {
                priceMissing = true
                notes.append("no price for \(carrierID): give energy.\(carrierID).price in the profile")
            }
            tce += lineTce
            co2 += lineCO2
            lines.append(CarrierSaving(carrier: carrierID, amount: amount, unit: carrier.unit, tce: lineTce, co2Tonnes: lineCO2, yuan: lineYuan))
        }
        let rate = profile.finance?["discount_rate"]?.number ?? settings.defaultDiscountRate
        let carbonPrice = profile.finance?["carbon_price"]?.number ?? settings.carbonPrice
        var net: Double? = nil
        if !priceMissing {
            net = yuan + co2 * carbonPrice - omCost
        }
        let payback = net.flatMap { Finance.simplePayback(investment: investment, annualSaving: $0) }
        let npv = net.map { Finance.npv(investment: investment, annualSaving: $0, rate: rate, years: lifetime) }
        let irr = net.flatMap { Finance.irr(investment: investment, annualSaving: $0, years: lifetime) }
        var cce: Double?
        if tce > 0, lifetime > 0 {
            cce = (investment * Finance.capitalRecoveryFactor(rate: rate, years: lifetime) + omCost) / tce
        }
        if let net, net <= 0 { notes.append("the measure saves no money at these prices, so it never pays back") }
        return MeasureEconomics(
            measure: measure, savings: lines, tcePerYear: tce, co2TonnesPerYear: co2, yuanPerYear: net,
            investmentYuan: investment, lifetimeYears: lifetime, omYuanPerYear: omCost, simplePaybackYears: payback,
            npvYuan: npv, irr: irr, costOfConservedEnergyYuanPerTce: cce, discountRate: rate,
            rangeLow: rangeLow, rangeHigh: rangeHigh, confidence: confidence, notes: notes)
    }
}

extension MeasureEconomics {
    /// Whether every figure is a finite number. Absurd but finite inputs (a saving of 10^308 kWh) can
    /// overflow a product; such a measure is refused rather than reported with an infinite NPV.
    public var isFinite: Bool {
        let required = [tcePerYear, co2TonnesPerYear, investmentYuan, lifetimeYears, omYuanPerYear, discountRate]
        let optional = [yuanPerYear, simplePaybackYears, npvYuan, irr, costOfConservedEnergyYuanPerTce].compactMap { $0 }
        let lines = savings.flatMap { [$0.amount, $0.tce, $0.co2Tonnes] + ($0.yuan.map { [$0] } ?? []) }
        return (required + optional + lines).allSatisfy(\.isFinite)
    }
}
