extension ProfileSchema {
    static func chemicalUnit(_ name: String, _ doc: String, _ extra: [FieldSpec]) -> ObjectSpec {
        processUnit(name, doc, [
            .q("output", "t", "Product output over the period."),
            .q("comprehensive_energy", "kgce/t", min: nil, "Measured comprehensive energy consumption per t product."),
        ] + extra)
    }

    /// Chemical process units (GB 21257-2024, GB 21343-2023, GB 21344-2023, GB 29140-2024, GB 29436-2023).
    static let chemicalsUnits: [ObjectSpec] = [
        chemicalUnit("caustic_soda", "Caustic soda production.", [
            .choice("grade", ["liquid_30", "liquid_45", "solid_98"], "Product grade."),
            .choice("electrolyser", ["membrane", "diaphragm"], "Electrolyser type."),
            .q("ac_power", "kWh/t", "AC power per t (100 % NaOH)."),
        ]),
        chemicalUnit("pvc", "PVC production.", [.choice("route", ["carbide", "ethylene"], "Process route.")]),
        chemicalUnit("calcium_carbide_furnace", "Calcium-carbide furnaces.", [
            .q("furnace_power", "kWh/t", "Furnace power per t carbide."),
            .choice("furnace_type", ["closed", "open", "semi_closed"], "Furnace type."),
            .q("rated_capacity", "kVA", "Furnace transformer capacity."),
        ]),
        chemicalUnit("ammonia", "Synthetic ammonia.", [
            .choice("feedstock", ["premium_anthracite_lump", "non_premium_lump", "pulverized_coal", "lignite", "natural_gas"], "Feedstock."),
        ]),
        chemicalUnit("soda_ash", "Soda ash.", [
            .choice("process", ["ammonia_soda", "joint"], "Process."),
            .choice("grade", ["light", "heavy"], "Product grade."),
            .flag("sun_dried_salt", "Sun-dried salt is used (joint process correction)."),
        ]),
        chemicalUnit("methanol", "Methanol.", [
            .choice("feedstock", ["bituminous", "anthracite", "lignite", "natural_gas", "coke_oven_gas"], "Feedstock."),
        ]),
    ]
}
