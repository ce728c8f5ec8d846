/// The parameters the host uses to value every measure (documented in `docs/economics.md`).
public struct EconomicSettings: Sendable, Equatable {
    /// Real discount rate used when the profile gives none: 8 %, the social discount rate of
    /// 《建设项目经济评价方法与参数（第三版）》 (NDRC/MOHURD 2006).
    public var defaultDiscountRate: Double = 0.08
    /// kgce per kWh for electricity: 0.1229 (equivalent value, GB/T 2589-2020) by default; set the
    /// equal-value factor (e.g. 0.30) to count electricity at the primary energy behind it.
    public var electricityKgcePerKWh: Double = 0.1229
    /// Which grid CO2 factor purchased electricity gets when the profile gives none.
    public var gridFactor: GridFactorChoice = .national
    /// Carbon price (yuan/tCO2) when the profile gives none; `nil` falls back to a plugin's, else 0
    /// (CO2 not valued).
    public var carbonPrice: Double?
    /// Energy prices (yuan per carrier unit) used when the profile gives none; they win over plugins'.
    public var defaultPrices: [String: Double] = [:]
    /// What plugins contribute (local prices, grid factor, carbon price, subsidies), in load order.
    public var contributions: [EconomicContribution] = []

    public init() {}

    /// The carbon price for a plant: the configuration's, else the first applicable plugin's, else 0.
    public func carbonPrice(province: String?) -> Double {
        carbonPrice ?? contributions.first { $0.applies(toProvince: province) && $0.carbonPrice != nil }?.carbonPrice?.value ?? 0
    }

    /// The default price of a carrier for a plant and who set it, when the profile gives none.
    public func defaultPrice(of carrier: String, province: String?) -> (value: Double, plugin: String?)? {
        if let p = defaultPrices[carrier] { return (p, nil) }
        for c in contributions where c.applies(toProvince: province) {
            if let p = c.prices[carrier] { return (p.value, c.plugin) }
        }
        return nil
    }

    /// The grid CO2 factor (kgCO2/kWh) for a plant, following `gridFactor`.
    public func gridFactor(for profile: PlantProfile) -> Double {
        let regional = profile.gridRegion.flatMap { GridFactor.regional2022[$0] }
        switch gridFactor {
        case .national: return GridFactor.national
        case .regional: return regional ?? GridFactor.national
        case .provincial:
            let provincial = contributions.first { $0.applies(toProvince: profile.province) && $0.gridFactor != nil }
            return provincial?.gridFactor?.value ?? regional ?? GridFactor.national
        case .fixed(let value): return value
        }
    }

    /// The subsidies that apply to a plant in this province.
    public func subsidies(province: String?) -> [(plugin: String, subsidy: Subsidy)] {
        contributions.filter { $0.applies(toProvince: province) }.flatMap { c in c.subsidies.map { (c.plugin, $0) } }
    }
}

/// Which grid CO2 factor values purchased electricity (`economics.grid_co2_factor` in `ediag.yaml`).
public enum GridFactorChoice: Sendable, Equatable, CustomStringConvertible {
    /// The national factor for enterprise accounting, 0.5703 kgCO2/kWh (default).
    case national
    /// The MEE/NBS 2022 factor of the plant's `grid_region`; national when it has none.
    case regional
    /// A plugin's factor for the plant's province; else regional; else national.
    case provincial
    /// This value in kgCO2/kWh for every plant.
    case fixed(Double)

    public var description: String {
        switch self {
        case .national: return "national"
        case .regional: return "regional"
        case .provincial: return "provincial"
        case .fixed(let v): return NumberFormat.plain(v)
        }
    }
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
        let gridFactor = settings.gridFactor(for: profile)
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
            var price = profile.price(of: carrierID)
            if price == nil, amount != 0, let fallback = settings.defaultPrice(of: carrierID, province: profile.province) {
                price = fallback.value
                if let plugin = fallback.plugin {
                    notes.append("price of \(carrierID) \(NumberFormat.plain(fallback.value)) yuan/\(carrier.unit) from plugin \(plugin) (the profile gives none)")
                }
            }
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
        let carbonPrice = profile.finance?["carbon_price"]?.number ?? settings.carbonPrice(province: profile.province)
        var subsidy = 0.0
        for (plugin, s) in settings.subsidies(province: profile.province) {
            let amount = Swift.min(s.amount(measure: measure, investment: investment), investment - subsidy)
            guard amount > 0 else { continue }
            subsidy += amount
            notes.append("subsidy \(NumberFormat.plain(amount)) yuan from plugin \(plugin) (\(s.source)) lowers the plant's investment")
        }
        let ownInvestment = investment - subsidy
        var net: Double? = nil
        if !priceMissing {
            net = yuan + co2 * carbonPrice - omCost
        }
        let payback = net.flatMap { Finance.simplePayback(investment: ownInvestment, annualSaving: $0) }
        let npv = net.map { Finance.npv(investment: ownInvestment, annualSaving: $0, rate: rate, years: lifetime) }
        let irr = net.flatMap { Finance.irr(investment: ownInvestment, annualSaving: $0, years: lifetime) }
        var cce: Double?
        if tce > 0, lifetime > 0 {
            cce = (investment * Finance.capitalRecoveryFactor(rate: rate, years: lifetime) + omCost) / tce
        }
        if let net, net <= 0 { notes.append("the measure saves no money at these prices, so it never pays back") }
        if let payback, payback > lifetime {
            notes.append("it pays back only after its \(NumberFormat.grouped(lifetime, decimals: 0))-year life: not worth doing for the energy alone")
        }
        return MeasureEconomics(
            measure: measure, savings: lines, tcePerYear: tce, co2TonnesPerYear: co2, yuanPerYear: net,
            investmentYuan: investment, subsidyYuan: subsidy > 0 ? subsidy : nil, lifetimeYears: lifetime, omYuanPerYear: omCost, simplePaybackYears: payback,
            npvYuan: npv, irr: irr, costOfConservedEnergyYuanPerTce: cce, discountRate: rate,
            rangeLow: rangeLow, rangeHigh: rangeHigh, confidence: confidence, notes: notes,
            carbonPriceYuanPerTonne: carbonPrice)
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
