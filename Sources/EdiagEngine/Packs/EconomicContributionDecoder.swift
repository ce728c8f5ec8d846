public import EdiagModel

/// Reads the `economics:` section of a plugin manifest into an `EconomicContribution`.
///
/// ```yaml
/// economics:
///   provinces: [Inner Mongolia, 内蒙古]          # optional: only plants in these provinces
///   prices:
///     natural_gas: {value: 2.952, source: "Ordos DRC notice, non-resident pipeline gas 2026-04"}
///   grid_co2_factor: {value: 0.6849, source: "MEE/NBS 2022 provincial factors"}
///   carbon_price: {value: 62.36, source: "national ETS 2025 average"}
///   subsidies:
///     - {measures: [vfd], share: 0.2, max_yuan: 2000000, source: "…"}
/// ```
/// Every figure carries its `source`; a figure without one is refused.
enum EconomicContributionDecoder {
    static func decode(_ value: SourceValue, plugin: String) throws(PackError) -> EconomicContribution {
        let m = try LocatedMapping(value, what: "manifest field 'economics'")
        try m.checkKeys(["provinces", "prices", "grid_co2_factor", "carbon_price", "subsidies"], in: "economics")
        var contribution = EconomicContribution(plugin: plugin)
        contribution.provinces = try m.textList("provinces", in: "economics") ?? []
        if let p = m.value("prices") {
            for pair in try LocatedMapping(p, what: "economics.prices").pairs {
                guard EnergyCarrier.named(pair.key) != nil else {
                    let hint = Suggest.closest(pair.key, among: EnergyCarrier.all.map(\.id)).map { " Did you mean '\($0)'?" } ?? ""
                    throw PackError(location: pair.keyLocation, message: "economics.prices: unknown energy carrier '\(pair.key)'.\(hint)")
                }
                let unit = "yuan/" + EnergyCarrier.named(pair.key)!.unit
                contribution.prices[pair.key] = try sourced(pair.value, what: "economics.prices.\(pair.key)", min: 0, max: nil, unit: unit)
            }
        }
        if let g = m.value("grid_co2_factor") {
            contribution.gridFactor = try sourced(g, what: "economics.grid_co2_factor", min: 0, max: 2, unit: "kgCO2/kWh")
        }
        if let c = m.value("carbon_price") {
            contribution.carbonPrice = try sourced(c, what: "economics.carbon_price", min: 0, max: 10_000, unit: "yuan/tCO2")
        }
        if let s = m.value("subsidies") {
            guard case .sequence(let items, _) = s else {
                throw PackError(location: s.location, message: "economics.subsidies must be a list of {measures, share, max_yuan, source}")
            }
            for (i, item) in items.enumerated() {
                let what = "economics.subsidies[\(i + 1)]"
                let sm = try LocatedMapping(item, what: what)
                try sm.checkKeys(["measures", "share", "max_yuan", "source"], in: what)
                guard let share = try sm.number("share", in: what, min: 0, max: 1) else {
                    throw PackError(location: item.location, message: "\(what) needs 'share', the part of the investment paid (0 … 1)")
                }
                guard let source = try sm.text("source", in: what), !source.isEmpty else {
                    throw PackError(location: item.location, message: "\(what) needs 'source': the programme or notice that grants it")
                }
                contribution.subsidies.append(Subsidy(measures: try sm.textList("measures", in: what) ?? [], share: share,
                                                      maxYuan: try sm.number("max_yuan", in: what, min: 0, unit: "yuan"), source: source))
            }
        }
        return contribution
    }

    private static func sourced(_ v: SourceValue, what: String, min: Double?, max: Double?, unit: String) throws(PackError) -> SourcedNumber {
        let m = try LocatedMapping(v, what: "\(what) ({value: …, source: …})")
        try m.checkKeys(["value", "source"], in: what)
        guard let value = try m.number("value", in: what, min: min, max: max, unit: unit) else {
            throw PackError(location: v.location, message: "\(what) needs 'value' (\(unit))")
        }
        guard let source = try m.text("source", in: what), !source.isEmpty else {
            throw PackError(location: v.location, message: "\(what) needs 'source': where the figure is published")
        }
        return SourcedNumber(value, source: source)
    }
}
