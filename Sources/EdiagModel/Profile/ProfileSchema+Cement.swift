extension ProfileSchema {
    /// Cement process units (GB 16780-2021 indicators).
    static let cementUnits: [ObjectSpec] = [
        processUnit("clinker_kiln", "A new-suspension-preheater dry-process clinker kiln line.", [
            .q("capacity", "t/d", "Design clinker capacity."),
            .q("clinker_output", "t", "Clinker produced over the period."),
            .q("clinker_energy", "kgce/t", min: nil, "Measured clinker comprehensive energy consumption (熟料单位产品综合能耗)."),
            .q("clinker_coal", "kgce/t", "Measured clinker comprehensive coal consumption (熟料综合煤耗)."),
            .q("clinker_power", "kWh/t", "Measured clinker comprehensive power consumption (熟料综合电耗)."),
            .q("heat_consumption", "kJ/kg", "Clinker heat consumption (熟料烧成热耗)."),
            .q("preheater_exit_temperature", "°C", min: nil, "Gas temperature at the preheater exit."),
            .q("cooler_exhaust_temperature", "°C", min: nil, "Cooler exhaust-air temperature."),
            FieldSpec("preheater_stages", .integer(min: 1, max: 7), "Number of cyclone stages."),
            .choice("cooler_type", ["grate_2nd_gen", "grate_3rd_gen", "grate_4th_gen", "planetary", "other"], "Clinker cooler generation."),
            .flag("waste_heat_power", "A waste-heat power plant serves this line."),
            .q("waste_heat_generation", "kWh/t", "Waste-heat generation per t clinker, when installed."),
            .choice("kiln_fuel", ["raw_coal", "washed_coal", "coke", "natural_gas", "fuel_oil"],
                    "Main kiln and calciner fuel (an energy carrier); absent: the one of these with the largest consumption in `energy`."),
        ]),
        processUnit("cement_mill", "Cement grinding (one mill system or the whole grinding section).", [
            .q("cement_output", "t", "Cement produced over the period."),
            .q("cement_energy", "kgce/t", min: nil, "Measured cement comprehensive energy consumption (水泥单位产品综合能耗)."),
            .q("preparation_power", "kWh/t", "Cement preparation section power consumption (水泥制备工段电耗)."),
            .percent("clinker_ratio", "Clinker share of the cement, in %."),
            .choice("mill_type", ["ball_open", "ball_closed", "roller_press_ball", "vertical_roller", "roller_press_finish"],
                    "Grinding system."),
        ]),
        processUnit("raw_mill", "Raw-meal grinding.", [
            .q("raw_meal_output", "t", "Raw meal ground over the period."),
            .q("specific_power", "kWh/t", "Power per t raw meal."),
            .choice("mill_type", ["ball", "vertical_roller", "roller_press"], "Grinding system."),
        ]),
    ]
}
