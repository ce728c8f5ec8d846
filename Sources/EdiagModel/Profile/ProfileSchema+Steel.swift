extension ProfileSchema {
    static let oreShares: [FieldSpec] = [
        .percent("rare_earth_ore_share", "Share of rare-earth ore in the burden (GB 21256-2025 correction)."),
        .percent("vti_magnetite_share", "Share of vanadium-titanium magnetite in the burden."),
        .percent("laterite_nickel_share", "Share of laterite nickel ore in the burden."),
    ]

    /// Iron and steel process units (GB 21256-2025, GB 21342-2025 indicators).
    static let steelUnits: [ObjectSpec] = [
        processUnit("sinter_machine", "A sinter strand.", [
            .q("area", "m2", "Sintering area."),
            .q("sinter_output", "t", "Sinter produced over the period."),
            .q("process_energy", "kgce/t", min: nil, "Measured sintering process energy consumption (烧结工序能耗)."),
            .flag("waste_heat_recovery", "Cooler waste heat is recovered (steam or power)."),
        ] + oreShares),
        processUnit("pellet_plant", "A pelletizing plant.", [
            .q("pellet_output", "t", "Pellets produced over the period."),
            .q("process_energy", "kgce/t", min: nil, "Measured pelletizing process energy consumption (球团工序能耗)."),
        ] + oreShares),
        processUnit("blast_furnace", "A blast furnace.", [
            .q("volume", "m3", "Working volume."),
            .q("hot_metal_output", "t", "Hot metal produced over the period."),
            .q("process_energy", "kgce/t", min: nil, "Measured blast-furnace process energy consumption (高炉工序能耗)."),
            .percent("feed_grade", "Iron grade of the burden (% Fe)."),
            .q("coke_rate", "kg/t", "Coke rate per t hot metal."),
            .q("pci_rate", "kg/t", "Pulverised coal injection per t hot metal."),
            .q("top_pressure", "kPa", "Top gas pressure (gauge)."),
            .q("top_gas_temperature", "°C", min: nil, "Top gas temperature."),
            .flag("trt_installed", "A top-gas pressure recovery turbine (TRT) is installed."),
            .choice("dedusting", ["dry", "wet"], "Top-gas dedusting."),
        ] + oreShares),
        processUnit("converter", "A basic oxygen (BOF) converter shop.", [
            .q("nominal_capacity", "t", "Nominal heat size."),
            .q("steel_output", "t", "Crude steel produced over the period."),
            .q("process_energy", "kgce/t", min: nil, "Measured converter process energy consumption (转炉工序能耗; usually negative)."),
            .percent("scrap_ratio", "Scrap share of the metallic charge."),
            .q("gas_recovery", "m3/t", "Converter gas recovered per t steel."),
            .q("steam_recovery", "kg/t", "Steam recovered per t steel."),
            .choice("steel_grade", ["plain", "quality", "special"], "Steel category (standard's grade additions)."),
        ]),
        processUnit("eaf", "An electric arc furnace.", [
            .q("nominal_capacity", "t", "Nominal heat size."),
            .q("steel_output", "t", "Crude steel produced over the period."),
            .q("process_energy", "kgce/t", min: nil, "Measured EAF process energy consumption (电炉工序能耗)."),
            .q("power", "kWh/t", "Electricity per t steel."),
            .percent("hot_metal_ratio", "Hot-metal share of the charge."),
            .flag("stainless", "Stainless steel is produced."),
            .flag("scrap_preheating", "Scrap preheating is installed."),
        ]),
        processUnit("coke_oven", "A coke-oven battery.", [
            .choice("oven_type", ["top_charging", "stamp_charging"], "Charging type."),
            .q("coke_output", "t", "Coke produced over the period."),
            .q("process_energy", "kgce/t", min: nil, "Measured coking process energy consumption (焦化工序能耗)."),
            .choice("quenching", ["wet", "dry"], "Coke quenching."),
            .percent("mixed_gas_heating_share", "Share of time heated with mixed gas."),
            .percent("volatile_matter", "Volatile matter of the coal blend (dry basis)."),
            .percent("coal_moisture", "Moisture of the coal blend."),
            FieldSpec("oven_age", .integer(min: 0, max: 80), "Battery age in years."),
        ]),
    ]
}
