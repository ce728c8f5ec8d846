extension ProfileSchema {
    /// Nonferrous process units (GB 21346-2022, GB 25323-2023 indicators).
    static let nonferrousUnits: [ObjectSpec] = [
        processUnit("potline", "An aluminium electrolysis potline.", [
            .q("current", "kA", "Line current."),
            .q("aluminium_output", "t", "Liquid aluminium produced over the period."),
            .q("ac_power", "kWh/t", "Liquid aluminium AC power consumption (铝液交流电耗)."),
            .q("comprehensive_ac_power", "kWh/t", "Liquid aluminium comprehensive AC power consumption."),
            .q("cell_voltage", "V", "Average cell voltage."),
            .percent("current_efficiency", "Current efficiency."),
        ]),
        processUnit("alumina_refinery", "An alumina refinery.", [
            .choice("route", ["bayer", "other"], "Process route."),
            .q("alumina_output", "t", "Alumina produced over the period."),
            .q("process_energy", "kgce/t", "Process energy consumption."),
            .q("comprehensive_energy", "kgce/t", "Comprehensive energy consumption."),
        ]),
        processUnit("smelter", "A copper, zinc, lead or other heavy-metal smelter route (GB 25323-2023).", [
            .choice("metal", ["copper", "secondary_copper", "zinc", "lead", "secondary_lead", "nickel", "tin", "antimony"], required: true, "Metal."),
            .text("route", "Route as the standard's table names it, e.g. `concentrate_to_cathode`, `hydro_with_residue`."),
            .q("output", "t", "Product output over the period."),
            .q("comprehensive_energy", "kgce/t", min: nil, "Measured comprehensive energy consumption per t product."),
        ]),
    ]
}
