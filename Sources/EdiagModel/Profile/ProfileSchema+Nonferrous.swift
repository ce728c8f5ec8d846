extension ProfileSchema {
    /// Routes of GB 25323-2023 (heavy nonferrous smelting), as the `smelter.route` field names them.
    ///
    /// The metal decides which routes exist: copper has `concentrate_to_blister`, `concentrate_to_anode`,
    /// `anode_to_cathode` and `concentrate_to_cathode`; zinc has `pyro_concentrate_to_ingot`,
    /// `hydro_with_residue` and `hydro_without_residue`; lead has `concentrate_to_crude`,
    /// `electrorefining` and `concentrate_to_ingot`; secondary copper `scrap_to_cathode`; secondary lead
    /// `battery_to_lead`; nickel `concentrate_to_cathode`; tin and antimony `concentrate_to_ingot`.
    static let heavyMetalRoutes = [
        "concentrate_to_blister", "concentrate_to_anode", "anode_to_cathode", "concentrate_to_cathode",
        "scrap_to_cathode", "pyro_concentrate_to_ingot", "hydro_with_residue", "hydro_without_residue",
        "concentrate_to_crude", "electrorefining", "concentrate_to_ingot", "battery_to_lead",
    ]

    /// Nonferrous process units (GB 21346-2022, GB 25323-2023 indicators, and what the saving measures read).
    static let nonferrousUnits: [ObjectSpec] = [
        processUnit("potline", "An aluminium electrolysis potline (prebake cells), with its share of the casthouse.", [
            .q("current", "kA", "Line current."),
            FieldSpec("pot_count", .integer(min: 1, max: 2000), "Number of cells in operation."),
            .q("aluminium_output", "t", "Liquid aluminium produced over the period."),
            .q("ac_power", "kWh/t", "Liquid aluminium AC power consumption (铝液交流电耗, GB 21346-2022)."),
            .q("comprehensive_ac_power", "kWh/t", "Liquid aluminium comprehensive AC power consumption (铝液综合交流电耗)."),
            .q("dc_power", "kWh/t", "Liquid aluminium DC power consumption (铝液直流电耗), measured after the rectifiers."),
            .q("cell_voltage", "V", min: 0, minExclusive: true, "Average cell voltage (平均电压), including the shared line-voltage drop."),
            .efficiency("current_efficiency", "Current efficiency."),
            .flag("low_voltage_technology", "Low-voltage / new-cathode cell technology (shaped cathodes, low-voltage operation) is in place."),
            FieldSpec("anode_effect_frequency", .number(unit: "1", min: 0, max: 10),
                      "Anode effects per pot and day (阳极效应系数), averaged over the period."),
            .q("anode_effect_duration", "s", "Average duration of one anode effect."),
            .q("ingot_output", "t", "Remelt ingot cast from this line's metal over the period (0 when all metal leaves liquid)."),
            .q("ingot_comprehensive_ac_power", "kWh/t", "Aluminium ingot comprehensive AC power consumption (铝锭综合交流电耗)."),
            .q("ingot_energy", "kgce/t", "Aluminium ingot comprehensive energy consumption (铝锭综合能耗)."),
        ]),
        processUnit("alumina_refinery", "An alumina refinery (Bayer or another route).", [
            .choice("route", ["bayer", "other"], "Process route: Bayer, or another route (sintering, combined)."),
            .q("capacity", "t/a", "Design alumina capacity."),
            .q("alumina_output", "t", "Alumina produced over the period."),
            .q("process_energy", "kgce/t", "Alumina process energy consumption (氧化铝工艺能耗, GB 21346-2022)."),
            .q("comprehensive_energy", "kgce/t", "Alumina comprehensive energy consumption (氧化铝综合能耗)."),
            .choice("digestion", ["tube", "autoclave", "tube_autoclave", "other"], "Digestion system."),
            .q("digestion_steam", "t/t", "Live steam used to heat digestion, per t alumina (measured)."),
            .flag("digestion_heat_recovery_upgraded",
                  "The digestion slurry flash-steam and condensate heat recovery has been upgraded (no further measure)."),
        ]),
        processUnit("smelter", "A copper, zinc, lead or other heavy-metal smelter, or one of its stages (GB 25323-2023).", [
            .choice("metal", ["copper", "secondary_copper", "zinc", "lead", "secondary_lead", "nickel", "tin", "antimony"],
                    required: true, "Metal."),
            .choice("route", heavyMetalRoutes, "Route as GB 25323-2023 names it; the metal decides which routes exist."),
            .q("capacity", "t/a", "Design product capacity."),
            .q("output", "t", "Product output over the period (cathode, ingot, blister, anode or crude metal, by route)."),
            .q("comprehensive_energy", "kgce/t", min: nil, "Measured comprehensive energy consumption per t product, for the route."),
            .q("blister_stage_energy", "kgce/t", min: nil,
               "Copper smelters: concentrate → blister stage energy per t blister (GB 25323-2023 Table 1)."),
            .q("anode_stage_energy", "kgce/t", min: nil,
               "Copper smelters: concentrate → anode stage energy per t anode copper (Table 1)."),
            .q("crude_lead_stage_energy", "kgce/t", min: nil, "Lead smelters: concentrate → crude lead stage energy per t crude lead (Table 5)."),
            .q("electrorefining_stage_energy", "kgce/t", min: nil,
               "Electrolytic refining stage energy per t cathode (copper anode → cathode, Table 1; lead electrorefining, Table 5)."),
            .choice("furnace_type", ["flash", "bath_bottom_blown", "bath_side_blown", "bath_top_blown", "blast_furnace",
                                     "reverberatory", "electric", "rotary", "other"], "Main smelting furnace."),
            .percent("oxygen_enrichment", "Oxygen concentration of the smelting blast (21 % = air)."),
            .q("concentrate_feed", "t", "Concentrate (or secondary feed) smelted over the period."),
            .q("coal_consumption", "t", "Raw coal burnt in the smelting furnaces over the period."),
            .q("coke_consumption", "t", "Coke charged to the smelting furnaces over the period."),
            .q("natural_gas_consumption", "m3", "Natural gas burnt in the smelting furnaces over the period."),
            .q("fuel_oil_consumption", "t", "Fuel oil burnt in the smelting furnaces over the period."),
            .flag("waste_heat_boiler", "The smelting and converting off-gas passes a waste-heat boiler."),
            .q("waste_heat_steam_surplus", "t",
               "Waste-heat boiler steam the process does not use (vented, dumped or sold below value) over the period."),
            .flag("waste_heat_power", "The waste-heat boiler steam drives a turbine generator."),
            .q("acid_output", "t", "Sulfuric acid produced from the smelter off-gas over the period (100 % H2SO4)."),
            .flag("acid_heat_recovery", "The acid plant recovers absorption heat as low-pressure steam."),
        ]),
    ]
}
