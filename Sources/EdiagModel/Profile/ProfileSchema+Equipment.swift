extension ProfileSchema {
    static let speedControls = ["none", "throttle", "damper", "inlet_vanes", "vfd", "hydraulic_coupling", "pole_changing"]

    static func equipment(_ name: String, _ doc: String, _ fields: [FieldSpec]) -> ObjectSpec {
        ObjectSpec(name, doc, [
            .text("id", required: true, "Identifier within the profile, e.g. `M-101`."),
            .choice("type", [name], required: true, "Equipment type."),
            .text("model", "Model designation as on the nameplate, e.g. `Y280S-4`, `S9-1000/10`."),
            .text("manufacturer", "Manufacturer."),
            .year("year", "Year of manufacture or commissioning."),
            FieldSpec("count", .integer(min: 1, max: 100_000), "Number of identical units (default 1)."),
            .q("hours", "h/a", "Operating hours per year."),
            FieldSpec("load_factor", .number(unit: "1", min: 0, max: 1.5), "Average load as a fraction of rating (e.g. `75 %`)."),
            .text("serves", "Process unit id it serves."),
        ] + fields)
    }

    static let equipmentSpecs: [ObjectSpec] = [
        equipment("motor", "A three-phase induction motor (GB 18613-2020).", [
            .q("rated_power", "kW", required: true, "Rated output power."),
            FieldSpec("poles", .integer(min: 2, max: 12), "Number of poles (2, 4, 6 or 8)."),
            .efficiency("efficiency", "Rated efficiency."),
            .q("voltage", "V", "Rated voltage."),
            .choice("driven_load", ["fan", "pump", "compressor", "conveyor", "mill", "crusher", "other"], "What it drives."),
            .text("drives", "Id of the fan, pump or air compressor this motor drives when that machine is listed as its own "
                + "item: the drive's measures then count it once (a VFD is assessed on the machine, and the motor "
                + "replacement shares its energy flow)."),
            .choice("speed_control", speedControls, "How flow or speed is controlled."),
        ]),
        equipment("transformer", "A power transformer (GB 20052-2024).", [
            .q("rated_capacity", "kVA", required: true, "Rated capacity."),
            .q("no_load_loss", "kW", "Measured or nameplate no-load loss."),
            .q("load_loss", "kW", "Measured or nameplate load loss at rated current."),
            .choice("insulation", ["oil", "dry"], "Oil-immersed or dry-type."),
            .choice("core", ["electrical_steel", "amorphous"], "Core material."),
            .text("connection", "Connection group, e.g. `Dyn11`."),
            .q("voltage", "kV", "High-voltage side rating."),
        ]),
        equipment("fan", "A fan or blower (GB 19761-2020).", [
            .q("rated_power", "kW", required: true, "Rated power of its motor."),
            .q("flow", "m3/h", "Rated flow."),
            .q("pressure", "Pa", "Rated total pressure."),
            .efficiency("efficiency", "Fan efficiency."),
            .choice("fan_kind", ["centrifugal", "axial"], "Fan kind."),
            .choice("speed_control", speedControls, "How flow is controlled."),
            .percent("throttle_opening", "Typical damper or valve opening."),
        ]),
        equipment("pump", "A pump (GB 19762).", [
            .q("rated_power", "kW", required: true, "Rated power of its motor."),
            .q("flow", "m3/h", "Rated flow."),
            .q("head", "m", "Rated head."),
            .efficiency("efficiency", "Pump efficiency."),
            .choice("speed_control", speedControls, "How flow is controlled."),
            .percent("throttle_opening", "Typical valve opening."),
        ]),
        equipment("air_compressor", "An air compressor (GB 19153-2019).", [
            .q("rated_power", "kW", required: true, "Rated motor power."),
            .choice("compressor_kind", ["screw_oil_injected", "screw_oil_free", "centrifugal", "reciprocating"], "Compressor kind."),
            .choice("cooling", ["air", "liquid"], "Cooling."),
            .q("discharge_pressure", "MPa", "Rated discharge pressure (gauge)."),
            .q("flow", "m3/min", "Rated free-air delivery."),
            .q("specific_power", "kW/(m3/min)", "Measured specific power at rated pressure."),
            .q("system_pressure_required", "MPa", "Lowest pressure the end users need."),
            .percent("leak_rate", "Share of compressed air lost to leaks (measured)."),
            .choice("speed_control", ["fixed", "load_unload", "vfd"], "Capacity control."),
        ]),
        equipment("boiler", "An industrial boiler (GB 24500-2020).", [
            .q("capacity", "t/h", required: true, "Rated evaporation (steam) or equivalent (0.7 MW ≈ 1 t/h)."),
            .choice("fuel", ["coal", "natural_gas", "oil", "biomass", "electric", "waste_heat"], required: true, "Fuel."),
            .choice("coal_class", ["bituminous_ii", "bituminous_iii", "lignite", "anthracite"], "Design coal class (coal boilers)."),
            .choice("firing", ["grate", "fixed_grate", "cfb", "pulverised", "burner"], "Firing system."),
            FieldSpec("thermal_efficiency", .quantity(QuantitySpec(unit: "%", min: 0, minExclusive: true, max: 110)),
                      "Measured or design thermal efficiency on the net (lower) calorific value basis of GB 24500-2020, "
                        + "so a condensing gas boiler may exceed 100 % (grade 1 is 103 %); at most 110 %, since even full "
                        + "condensation recovers only the latent heat of the flue-gas water vapour, about a tenth of the "
                        + "net calorific value of natural gas."),
            .q("flue_gas_temperature", "°C", min: nil, "Flue-gas exit temperature."),
            .percent("flue_o2", max: 21, "Oxygen in the flue gas."),
            .flag("economizer", "An economizer is fitted."),
            .flag("condensing", "Condensing heat recovery is fitted."),
            .q("fuel_consumption", "GJ", "Fuel energy input over the period (when metered)."),
        ]),
    ]
}
