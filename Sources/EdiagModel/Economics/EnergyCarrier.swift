/// An energy carrier a plant buys or produces, with its standard-coal and CO2 coefficients.
///
/// Coal-equivalent coefficients are GB/T 2589-2020 Appendix A reference values (electricity at the
/// equivalent value 3600 kJ/kWh ÷ 29 307.6 kJ/kgce = 0.1229 kgce/kWh). CO2 factors are the
/// provincial GHG-inventory defaults (EF = NCV × carbon content × oxidation × 44/12) and the
/// national grid factor used for enterprise accounting. Sources: `shared/reference/energy-figures.md`
/// §3 and §4, repeated in `docs/economics.md`.
public struct EnergyCarrier: Sendable, Hashable {
    /// Stable key used in profiles and rules, e.g. `natural_gas`.
    public let id: String
    public let nameEn: String
    public let nameZh: String
    /// The unit consumption and savings of this carrier are expressed in (`kWh`, `t`, `m3`, `GJ`).
    public let unit: String
    /// kgce per `unit` (equivalent value).
    public let kgcePerUnit: Double
    public let kgceSource: String
    /// kg CO2 per `unit` burnt or bought; 0 where the carrier is accounted elsewhere.
    public let kgCO2PerUnit: Double
    public let co2Source: String

    public static let electricity = EnergyCarrier(
        id: "electricity", nameEn: "purchased electricity", nameZh: "外购电力", unit: "kWh",
        kgcePerUnit: 0.1229, kgceSource: "GB/T 2589-2020 Appendix A, equivalent value (3600 kJ/kWh)",
        kgCO2PerUnit: 0.5703, co2Source: "MEE national grid average factor for enterprise accounting (2022 data), 0.5703 tCO2/MWh")

    /// All carriers, in the order reports list them.
    public static let all: [EnergyCarrier] = [
        electricity,
        EnergyCarrier(id: "self_generated_electricity", nameEn: "self-generated electricity", nameZh: "自发电",
                      unit: "kWh", kgcePerUnit: 0.1229,
                      kgceSource: "GB/T 2589-2020 Appendix A, equivalent value (3600 kJ/kWh)",
                      kgCO2PerUnit: 0, co2Source: "counted through the fuels burnt to generate it"),
        EnergyCarrier(id: "raw_coal", nameEn: "raw coal", nameZh: "原煤", unit: "t",
                      kgcePerUnit: 714.3, kgceSource: "GB/T 2589-2020 Appendix A: 20 908 kJ/kg, 0.7143 kgce/kg",
                      kgCO2PerUnit: 1742, co2Source: "provincial GHG inventory guideline (2025) default, bituminous coal 1.742 tCO2/t"),
        EnergyCarrier(id: "washed_coal", nameEn: "washed coal", nameZh: "洗精煤", unit: "t",
                      kgcePerUnit: 900, kgceSource: "GB/T 2589-2020 Appendix A: 26 344 kJ/kg, 0.9000 kgce/kg",
                      kgCO2PerUnit: 2345, co2Source: "derived: 26.344 GJ/t × 26.1 tC/TJ × 0.93 × 44/12 (bituminous carbon content)"),
        EnergyCarrier(id: "coke", nameEn: "coke", nameZh: "焦炭", unit: "t",
                      kgcePerUnit: 971.4, kgceSource: "GB/T 2589-2020 Appendix A: 28 435 kJ/kg, 0.9714 kgce/kg",
                      kgCO2PerUnit: 2860, co2Source: "provincial GHG inventory guideline (2025) default, coke 2.860 tCO2/t"),
        EnergyCarrier(id: "natural_gas", nameEn: "natural gas", nameZh: "天然气", unit: "m3",
                      kgcePerUnit: 1.2143, kgceSource: "GB/T 2589-2020 Appendix A, gas-field gas 35 544 kJ/m3, 1.2143 kgce/m3",
                      kgCO2PerUnit: 2.162, co2Source: "provincial GHG inventory guideline (2025) default, 21.62 tCO2/10^4 Nm3"),
        EnergyCarrier(id: "fuel_oil", nameEn: "fuel oil", nameZh: "燃料油", unit: "t",
                      kgcePerUnit: 1428.6, kgceSource: "GB/T 2589-2020 Appendix A: 41 816 kJ/kg, 1.4286 kgce/kg",
                      kgCO2PerUnit: 3170, co2Source: "provincial GHG inventory guideline (2025) default, fuel oil 3.170 tCO2/t"),
        EnergyCarrier(id: "diesel", nameEn: "diesel", nameZh: "柴油", unit: "t",
                      kgcePerUnit: 1457.1, kgceSource: "GB/T 2589-2020 Appendix A: 42 652 kJ/kg, 1.4571 kgce/kg",
                      kgCO2PerUnit: 3096, co2Source: "provincial GHG inventory guideline (2025) default, diesel 3.096 tCO2/t"),
        EnergyCarrier(id: "gasoline", nameEn: "gasoline", nameZh: "汽油", unit: "t",
                      kgcePerUnit: 1471.4, kgceSource: "GB/T 2589-2020 Appendix A: 43 070 kJ/kg, 1.4714 kgce/kg",
                      kgCO2PerUnit: 2925, co2Source: "provincial GHG inventory guideline (2025) default, gasoline 2.925 tCO2/t"),
        EnergyCarrier(id: "lpg", nameEn: "liquefied petroleum gas", nameZh: "液化石油气", unit: "t",
                      kgcePerUnit: 1714.3, kgceSource: "GB/T 2589-2020 Appendix A: 50 179 kJ/kg, 1.7143 kgce/kg",
                      kgCO2PerUnit: 3101, co2Source: "provincial GHG inventory guideline (2025) default, LPG 3.101 tCO2/t"),
        EnergyCarrier(id: "steam", nameEn: "steam (low pressure)", nameZh: "蒸汽（低压）", unit: "t",
                      kgcePerUnit: 128.6, kgceSource: "GB/T 2589-2020 Appendix A: low-pressure steam 3763 kJ/kg, 0.1286 kgce/kg",
                      kgCO2PerUnit: 414, co2Source: "derived: 3.763 GJ/t × purchased-heat default 0.11 tCO2/GJ"),
        EnergyCarrier(id: "heat", nameEn: "heat", nameZh: "热力", unit: "GJ",
                      kgcePerUnit: 34.12, kgceSource: "GB/T 2589-2020 Appendix A: 0.03412 kgce/MJ",
                      kgCO2PerUnit: 110, co2Source: "provincial GHG inventory guideline (2025) default, purchased heat 0.11 tCO2/GJ"),
        EnergyCarrier(id: "biomass", nameEn: "biomass fuel", nameZh: "生物质燃料", unit: "GJ",
                      kgcePerUnit: 34.12,
                      kgceSource: "GB/T 2589-2020: 1 kgce = 29 307.6 kJ, so 34.12 kgce per GJ of net calorific value (biomass is "
                        + "counted by its measured heat content: mass × laboratory net calorific value)",
                      kgCO2PerUnit: 0,
                      co2Source: "zero fossil CO2: 2006 IPCC Guidelines for National GHG Inventories, Vol. 2 Energy, Ch. 2 — CO2 "
                        + "from biomass combustion is reported as an information item, not in the energy-sector total"),
        EnergyCarrier(id: "blast_furnace_gas", nameEn: "blast-furnace gas", nameZh: "高炉煤气", unit: "m3",
                      kgcePerUnit: 0.1286, kgceSource: "GB/T 2589 Appendix A (SZJL tabulation): 0.1286 kgce/m3",
                      kgCO2PerUnit: 0.8481, co2Source: "provincial GHG inventory guideline (2025) default, 8.481 tCO2/10^4 Nm3"),
        EnergyCarrier(id: "coke_oven_gas", nameEn: "coke-oven gas", nameZh: "焦炉煤气", unit: "m3",
                      kgcePerUnit: 0.5929, kgceSource: "GB/T 2589 Appendix A: 0.5714–0.6143 kgce/m3; midpoint used",
                      kgCO2PerUnit: 0.8864, co2Source: "provincial GHG inventory guideline (2025) default, 8.864 tCO2/10^4 Nm3"),
        EnergyCarrier(id: "converter_gas", nameEn: "converter (LD) gas", nameZh: "转炉煤气", unit: "m3",
                      kgcePerUnit: 0.2866, kgceSource: "derived: NCV 84.0 GJ/10^4 Nm3 (provincial GHG guideline) ÷ 29 307.6 kJ/kgce",
                      kgCO2PerUnit: 1.512, co2Source: "provincial GHG inventory guideline (2025) default, 15.12 tCO2/10^4 Nm3"),
    ]

    private static let byID: [String: EnergyCarrier] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// The carrier with this id, if ediag knows it.
    public static func named(_ id: String) -> EnergyCarrier? { byID[id] }
}

/// The CO2 factor of grid electricity by region (kgCO2/kWh), selectable in configuration.
///
/// Source: MEE/NBS announcement of the 2022 electricity CO2 factors (published 2024-12-20).
public enum GridFactor {
    public static let national = 0.5703
    public static let regional2022: [String: Double] = [
        "national": 0.5366, "north": 0.6776, "northeast": 0.5564, "east": 0.5617, "central": 0.5395,
        "northwest": 0.5857, "south": 0.3869, "southwest": 0.2268,
    ]
}
