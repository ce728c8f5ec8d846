extension ProfileSchema {
    /// Fields both coal-fired and gas-fired units report: output, the measured unit-product indicators of
    /// GB 21258-2024 / GB 45247-2025 and what the saving measures need.
    static let generatingUnitFields: [FieldSpec] = [
        .q("capacity", "MW", minExclusive: true, "Rated capacity."),
        .choice("cooling", ["wet", "air"], "Condenser cooling: wet (evaporative tower or once-through) or air-cooled."),
        .q("generation", "kWh", "Gross generation over the period (发电量)."),
        .q("power_supplied", "kWh", "Electricity supplied over the period (供电量); absent: generation × (1 − auxiliary power rate)."),
        .percent("auxiliary_power_rate", max: 30, "Auxiliary power for generation as a share of gross generation (发电厂用电率), %."),
        .q("supply_coal_rate", "gce/kWh", minExclusive: true, "Measured supply coal consumption rate (供电煤耗率), before any correction."),
        .q("heat_supply", "GJ", "Heat supplied over the period (供热量); 0 or absent for a pure condensing unit."),
        .q("heat_supply_coal_rate", "kgce/GJ", minExclusive: true, "Measured heat-supply coal consumption rate (供热煤耗率)."),
        FieldSpec("limit_correction_factor", .number(unit: "1", min: 0.5, max: 2),
                  "Total correction factor of the limit standard (影响因素总修正系数), worked out by the assessor: GB 21258-2024 Tables 3–6 and §5.3.4, §5.3.6; GB 45247-2025 §5.3.1–5.3.7. Needed to grade the supply (and, for coal units, heat-supply) coal rate; `1` when no correction applies."),
        .q("operating_hours", "h/a", max: 8784, "Hours in service over the period (运行小时)."),
        .q("utilisation_hours", "h/a", max: 8784, "Equivalent full-load hours (利用小时) = generation ÷ capacity."),
        .percent("average_load_rate", max: 110, "Average load while in service as a share of rated capacity (平均负荷率), %; absent: generation ÷ (capacity × operating hours)."),
    ]

    /// Power generating units (GB 21258-2024, GB 45247-2025 indicators).
    static let powerUnits: [ObjectSpec] = [
        processUnit("power_unit", "A coal-fired condensing or combined heat-and-power generating unit (GB 21258-2024).", [
            .choice("unit_class", ["usc_1000", "usc_600", "sc_600", "sc_300", "subcritical_600", "subcritical_300", "uhp_200"],
                    "Unit class of GB 21258-2024 Table 1: ultra-supercritical 1000 / 600 MW, supercritical 600 / 300 MW, subcritical 600 / 300 MW, ultra-high pressure ≤ 200 MW."),
            .choice("boiler", ["pc", "cfb", "w_flame"], "Boiler type: pulverised coal, circulating fluidised bed, W-flame (GB 21258-2024 Table 2 gives additions for CFB and W-flame boilers)."),
        ] + generatingUnitFields + [
            .q("limit_addition", "gce/kWh", "Addition to the supply coal rate limit for an air-cooled, W-flame or CFB unit, read by the assessor from GB 21258-2024 Table 2 (ediag does not carry Table 2); added to grades 1 and 3."),
            .q("condenser_vacuum", "kPa", minExclusive: true, max: 101.325, "Measured condenser back pressure (absolute, kPa) at the reference condition of the test."),
            .q("design_back_pressure", "kPa", minExclusive: true, max: 101.325, "Design condenser back pressure (absolute, kPa) at the same cooling-water temperature."),
            .q("turbine_heat_rate", "kJ/kWh", minExclusive: true, "Measured turbine heat rate (汽轮机热耗率), from a performance test."),
            .q("design_heat_rate", "kJ/kWh", minExclusive: true, "Design (guaranteed) turbine heat rate at rated load."),
            .flag("flow_path_retrofitted", "The steam-turbine flow path (通流部分) has been retrofitted with modern blading."),
            .q("exhaust_gas_temperature", "°C", min: nil, "Boiler exhaust-gas temperature after the air heater (排烟温度)."),
            .flag("low_temperature_economizer", "A low-temperature economizer (低温省煤器) or flue-gas cooler recovers exhaust-gas heat."),
            .choice("pressure_mode", ["constant", "sliding", "optimised_sliding"],
                    "Main-steam pressure control at part load: constant pressure, sliding pressure, or sliding pressure with an optimised (tested) curve."),
            .q("nearby_heat_demand", "GJ", "Heat demand over the period of users within reach of the unit that is now met by other sources (industrial steam or district heat), for a heat-supply retrofit."),
            .efficiency("nearby_heat_source_efficiency", "Average efficiency of the boilers that now meet the nearby heat demand."),
            .choice("nearby_heat_source_fuel", ["raw_coal", "natural_gas", "fuel_oil", "diesel"],
                    "Fuel of the boilers that now meet the nearby heat demand (an energy carrier); absent: raw coal."),
            .flag("oil_free_ignition", "Plasma or tiny-oil ignition is fitted, so start-up and low-load support burn (almost) no oil."),
        ]),
        processUnit("ccgt_unit", "A gas-fired combined-cycle (gas–steam) generating unit (GB 45247-2025).", [
            .choice("unit_class", ["h_500", "f_400", "f_300", "f_100", "e_100"],
                    "Class of GB 45247-2025 Table 1: H-class 500 MW, F-class 400 / 300 / 100 MW, E-class 100 MW."),
        ] + generatingUnitFields),
    ]
}
