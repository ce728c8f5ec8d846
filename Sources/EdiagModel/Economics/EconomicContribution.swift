/// A number with the published source it comes from.
public struct SourcedNumber: Sendable, Equatable {
    public var value: Double
    /// Where the figure is published (notice, standard, price list), as shown in notes and docs.
    public var source: String

    public init(_ value: Double, source: String) {
        self.value = value
        self.source = source
    }
}

/// A capital subsidy for energy-saving measures: a share of the investment, optionally capped.
///
/// A subsidy lowers the investment the plant itself pays, so payback, NPV and IRR use the net
/// investment; the cost of conserved energy stays on the gross investment (a subsidy moves cost
/// from the plant to the public purse, it does not make the measure cheaper to society).
public struct Subsidy: Sendable, Equatable {
    /// Measure keys it applies to (`vfd`, `waste-heat-power`); empty: every measure.
    public var measures: [String]
    /// Share of the investment paid by the subsidy (0…1).
    public var share: Double
    /// Upper limit per measure in yuan, if the programme has one.
    public var maxYuan: Double?
    public var source: String

    public init(measures: [String], share: Double, maxYuan: Double?, source: String) {
        self.measures = measures
        self.share = share
        self.maxYuan = maxYuan
        self.source = source
    }

    /// The subsidy in yuan for a measure with this investment (0 when it does not apply).
    public func amount(measure: String, investment: Double) -> Double {
        guard measures.isEmpty || measures.contains(measure), investment > 0 else { return 0 }
        let raw = investment * share
        return maxYuan.map { Swift.min(raw, $0) } ?? raw
    }
}

/// Economic defaults a plugin contributes through the `economics:` section of its manifest:
/// local energy prices, a grid CO2 factor, a carbon price and capital subsidies, optionally limited
/// to plants in some provinces.
///
/// Precedence (documented in `docs/plugins.md`): the profile's own figures win, then the
/// configuration (`ediag.yaml` and the command line), then plugin contributions, then ediag's
/// built-in defaults.
public struct EconomicContribution: Sendable, Equatable {
    /// The plugin that declared it (named in valuation notes).
    public var plugin: String
    /// Province names (any spelling the profile uses, e.g. `Inner Mongolia`, `内蒙古`) it applies to;
    /// empty: every plant.
    public var provinces: [String]
    /// Carrier id → price in yuan per carrier unit.
    public var prices: [String: SourcedNumber]
    /// kgCO2/kWh for purchased electricity, used when the configuration selects `provincial`.
    public var gridFactor: SourcedNumber?
    /// yuan/tCO2.
    public var carbonPrice: SourcedNumber?
    public var subsidies: [Subsidy]

    public init(plugin: String, provinces: [String] = [], prices: [String: SourcedNumber] = [:],
                gridFactor: SourcedNumber? = nil, carbonPrice: SourcedNumber? = nil, subsidies: [Subsidy] = []) {
        self.plugin = plugin
        self.provinces = provinces
        self.prices = prices
        self.gridFactor = gridFactor
        self.carbonPrice = carbonPrice
        self.subsidies = subsidies
    }

    /// Whether it applies to a plant in this province (`nil`: the profile names none).
    public func applies(toProvince province: String?) -> Bool {
        if provinces.isEmpty { return true }
        guard let province else { return false }
        let wanted = province.lowercased()
        return provinces.contains { $0.lowercased() == wanted }
    }
}
