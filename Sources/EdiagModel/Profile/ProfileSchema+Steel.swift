extension ProfileSchema {
    /// Burden shares of the ore types GB 21256-2025 corrects for (sintering, pelletizing, blast furnace).
    static let oreShares: [FieldSpec] = [
        .percent("rare_earth_ore_share", "Share of rare-earth ore in the burden, % (GB 21256-2025 ore correction; 0 or absent when none)."),
        .percent("vti_magnetite_share", "Share of vanadium-titanium magnetite in the burden, % (0 or absent when none)."),
        .percent("laterite_nickel_share", "Share of laterite nickel ore in the burden, % (0 or absent when none)."),
    ]

    /// Iron and steel process units (GB 21256-2025, GB 21342-2025 indicators).
    static let steelUnits: [ObjectSpec] = [
        processUnit("sinter_machine", "A sinter strand with its cooler.", [
            .q("area", "m2", "Sintering area."),
            .q("sinter_output", "t", "Sinter produced over the period."),
            .q("process_energy", "kgce/t", min: nil, "Measured sintering process energy consumption (烧结工序单位产品能耗, GB 21256-2025)."),
            .flag("waste_heat_recovery", "Cooler waste heat is already recovered (steam or power generation)."),
        ] + oreShares),
        processUnit("pellet_plant", "A pelletizing plant.", [
            .q("pellet_output", "t", "Pellets produced over the period."),
            .q("process_energy", "kgce/t", min: nil, "Measured pelletizing process energy consumption (球团工序单位产品能耗, GB 21256-2025)."),
        ] + oreShares),
        processUnit("blast_furnace", "A blast furnace.", [
            .q("volume", "m3", "Working volume."),
            .q("hot_metal_output", "t", "Hot metal produced over the period."),
            .q("process_energy", "kgce/t", min: nil, "Measured blast-furnace process energy consumption (高炉工序单位产品能耗, GB 21256-2025)."),
            .percent("feed_grade", "Iron grade of the burden charged (入炉原料品位, % Fe); below 62 % it corrects the GB 21256-2025 limit."),
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
            .q("process_energy", "kgce/t", min: nil, "Measured converter process energy consumption (转炉工序单位产品能耗; usually negative)."),
            .percent("scrap_ratio", "Scrap share of the metallic charge (转炉废钢比, %)."),
            .q("gas_recovery", "m3/t", "Converter gas recovered per t steel."),
            .q("steam_recovery", "kg/t", "Steam recovered per t steel."),
            .choice("steel_grade", ["plain", "quality_carbon", "bearing_gear_wire_tool", "deep_drawing_pipeline"],
                    "Main steel category, for the GB 21256-2025 additions: plain carbon (普碳钢, none), quality carbon structural "
                    + "(优质碳素结构钢), bearing/gear/hard-wire/tool-and-die (优质轴承齿轮硬线工模具钢), deep-drawing/pipeline (深冲超深冲管线钢). "
                    + "Absent: plain carbon steel, the standard's basis."),
            .flag("special_purpose", "A special-purpose converter (特殊用途转炉), which GB 21256-2025 does not grade."),
        ]),
        processUnit("eaf", "An electric arc furnace.", [
            .q("nominal_capacity", "t", "Nominal heat size (公称容量); selects the GB 21256-2025 row (< 50 t, 50–70 t, ≥ 70 t)."),
            .q("steel_output", "t", "Crude steel produced over the period."),
            .q("process_energy", "kgce/t", min: nil, "Measured EAF process energy consumption (电弧炉工序单位产品能耗, GB 21256-2025)."),
            .q("power", "kWh/t", "Electricity per t steel."),
            .percent("hot_metal_ratio", "Hot-metal share of the charge (入炉铁水比, %; 0 for all-scrap)."),
            .choice("steel_grade", ["plain", "stainless", "quality_carbon", "bearing_gear_wire_tool"],
                    "Main steel category, for the GB 21256-2025 corrections: plain carbon (普碳钢, basis), all stainless (全不锈钢, ×1.10), "
                    + "quality carbon structural (优质碳素结构钢), bearing/gear/hard-wire/tool-and-die (优质轴承齿轮硬线工模具钢). "
                    + "Absent: plain carbon steel, the standard's basis."),
            .flag("scrap_preheating", "Scrap preheating is installed."),
        ]),
        processUnit("coke_oven", "A coke-oven battery.", [
            .choice("oven_type", ["top_charging", "stamp_charging"], "Charging type (顶装 / 捣固)."),
            .q("coke_output", "t", "Coke produced over the period."),
            .q("process_energy", "kgce/t", min: nil, "Measured coke process energy consumption (焦炭单位产品能耗, GB 21342-2025)."),
            .choice("quenching", ["wet", "dry"], "Coke quenching (湿熄焦 / 干熄焦)."),
            .percent("mixed_gas_heating_share", "Share of the period the battery was heated with mixed gas (混合煤气), %; 0 or absent when heated with coke-oven gas only."),
            .percent("volatile_matter", "Volatile matter of the coal blend charged, dry basis (入炉煤干燥基挥发分, %)."),
            .percent("coal_moisture", "Total moisture of the coal blend charged (入炉煤全水分, %)."),
            FieldSpec("oven_age", .integer(min: 0, max: 80), "Battery age in years (when absent: assessment year − commissioned)."),
        ]),
    ]
}
