extension ProfileSchema {
    /// Power generating units (GB 21258-2024, GB 45247-2025 indicators).
    static let powerUnits: [ObjectSpec] = [
        processUnit("power_unit", "A coal-fired generating unit.", [
            .choice("unit_class", ["usc_1000", "usc_600", "sc_600", "sc_300", "subcritical_600", "subcritical_300", "uhp_200"], "Unit class of GB 21258-2024 Table 1."),
            .q("capacity", "MW", "Rated capacity."),
            .choice("cooling", ["wet", "air"], "Condenser cooling."),
            .choice("boiler", ["pc", "cfb", "w_flame"], "Boiler type."),
            .q("generation", "kWh", "Gross generation over the period."),
            .q("supply_coal_rate", "gce/kWh", "Supply coal consumption rate (供电煤耗率)."),
            .q("heat_supply", "GJ", "Heat supplied over the period."),
            .q("heat_supply_coal_rate", "kgce/GJ", "Heat-supply coal consumption rate."),
            .percent("auxiliary_power_rate", "Auxiliary power as a share of generation."),
            .q("condenser_vacuum", "kPa", "Condenser back pressure (absolute)."),
            .q("exhaust_gas_temperature", "°C", min: nil, "Boiler exhaust-gas temperature."),
            .q("utilisation_hours", "h/a", "Equivalent full-load hours."),
        ]),
        processUnit("ccgt_unit", "A gas-fired combined-cycle unit.", [
            .choice("unit_class", ["h_500", "f_400", "f_300", "f_100", "e_100"], "Class of GB 45247-2025."),
            .q("capacity", "MW", "Rated capacity."),
            .choice("cooling", ["wet", "air"], "Condenser cooling."),
            .q("generation", "kWh", "Gross generation over the period."),
            .q("supply_coal_rate", "gce/kWh", "Supply coal consumption rate."),
        ]),
    ]
}
