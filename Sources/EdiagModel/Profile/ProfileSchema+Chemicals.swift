extension ProfileSchema {
    /// Fields every chemical product unit has: what it made, what it can make, and the measured
    /// comprehensive energy consumption the limit standards grade.
    static func chemicalUnit(_ name: String, _ doc: String, _ extra: [FieldSpec]) -> ObjectSpec {
        processUnit(name, doc, [
            .q("output", "t", "Product output over the period (the basis the limit standard counts it on)."),
            .q("capacity", "t/a", "Design capacity (drives the investment of capacity-scaled measures)."),
            .q("comprehensive_energy", "kgce/t", min: nil,
               "Measured comprehensive energy consumption per t product (单位产品综合能耗), electricity at 0.1229 kgce/kWh."),
        ] + extra)
    }

    /// Carriers a recovered gas or heat stream can replace.
    static let replaceableFuels = ["raw_coal", "washed_coal", "natural_gas", "fuel_oil", "lpg", "steam"]

    /// Chemical process units (GB 21257-2024, GB 21343-2023, GB 21344-2023, GB 29140-2024, GB 29436-2023)
    /// and the plant systems the chemical saving measures look at (evaporators, steam networks, hot off-gas).
    static let chemicalsUnits: [ObjectSpec] = [
        chemicalUnit("caustic_soda", "Caustic soda (chlor-alkali electrolysis), output counted as 100 % NaOH.", [
            .choice("grade", ["liquid_30", "liquid_45", "solid_98"],
                    "Product grade: liquid ≥ 30 %, liquid ≥ 45 %, solid ≥ 98 % (GB 21257-2024 Table 1)."),
            .choice("electrolyser", ["membrane", "diaphragm"], "Electrolyser type (ion-exchange membrane or diaphragm)."),
            .q("ac_power", "kWh/t", "AC power of electrolysis per t 100 % NaOH."),
            .q("dc_power", "kWh/t", "DC power of electrolysis per t 100 % NaOH."),
            .q("evaporation_steam", "t/t", "Steam used to concentrate the cell liquor, per t 100 % NaOH."),
        ]),
        chemicalUnit("pvc", "PVC resin.", [
            .choice("route", ["carbide", "ethylene"], "Process route (carbide acetylene, or ethylene / combined ethylene-oxychlorination)."),
            .choice("resin", ["general", "paste", "other"],
                    "Resin type; absent means general-purpose (通用型), the only type whose limits ediag carries."),
        ]),
        chemicalUnit("calcium_carbide_furnace", "A calcium-carbide furnace (or the furnaces of one workshop).", [
            .q("furnace_power", "kWh/t", "Furnace power per t carbide (电石电炉电耗)."),
            .choice("furnace_type", ["closed", "open", "semi_closed"], "Furnace type."),
            .q("rated_capacity", "kVA", "Furnace transformer capacity."),
            .choice("furnace_gas_use", ["flared", "partly_used", "fully_used"],
                    "What happens to the furnace off-gas of a closed furnace."),
            .percent("furnace_gas_utilisation", "Share of the furnace gas used as fuel or feedstock today (measured)."),
            .q("furnace_gas_yield", "m3/t", "Furnace gas per t carbide (standard m3, measured)."),
            .choice("gas_replaces", replaceableFuels, "The fuel recovered furnace gas would replace (an energy carrier)."),
        ]),
        chemicalUnit("ammonia", "Synthetic ammonia.", [
            .choice("feedstock", ["premium_anthracite_lump", "non_premium_lump", "pulverized_coal", "lignite", "natural_gas"],
                    "Feedstock (GB 21344-2023 rows): premium anthracite lump, non-premium lump or briquette, pulverized coal, lignite, natural gas."),
            .q("synthesis_pressure", "MPa", "Synthesis loop pressure."),
            .flag("synthesis_loop_upgraded", "The synthesis loop has been modernised (low-pressure catalyst, loop heat recovery, purge-gas hydrogen recovery)."),
        ]),
        chemicalUnit("soda_ash", "Soda ash.", [
            .choice("process", ["ammonia_soda", "joint"], "Process: ammonia-soda (Solvay) or joint (combined soda-ammonium chloride)."),
            .choice("grade", ["light", "heavy"], "Product grade."),
            .flag("sun_dried_salt", "Sun-dried industrial salt is the raw salt (joint-process limits × 1.18)."),
        ]),
        chemicalUnit("methanol", "Methanol.", [
            .choice("feedstock", ["bituminous", "anthracite", "lignite", "natural_gas", "coke_oven_gas"],
                    "Feedstock (GB 29436-2023 rows)."),
        ]),
        processUnit("evaporator", "An evaporation or concentration plant (brine, caustic, mother liquor, effluent).", [
            .text("service", "What it concentrates, e.g. `ammonium chloride mother liquor`."),
            .choice("evaporation_type", ["single_effect", "double_effect", "triple_effect", "four_effect", "tvr", "mvr"],
                    "Evaporation technology (multiple-effect, thermal or mechanical vapour recompression)."),
            .q("water_evaporated", "t", "Water evaporated over the period."),
            .q("steam_consumption", "t", "Live steam used over the period."),
            .q("capacity", "t/h", "Design evaporation capacity (water)."),
            .text("serves", "Process unit id it belongs to."),
        ]),
        processUnit("steam_network", "A steam distribution network (one site or one pressure level).", [
            .q("steam_use", "t", "Steam distributed over the period."),
            .q("pressure", "MPa", "Steam pressure (gauge)."),
            FieldSpec("steam_traps", .integer(min: 0, max: 1_000_000), "Number of steam traps."),
            .percent("failed_trap_share", "Share of traps found leaking or blowing through in the latest survey."),
            .q("trap_loss", "kg/h", "Measured average steam loss of one failed trap."),
            .q("bare_surface_area", "m2", "Hot surface without (or with damaged) insulation: pipes, valves, flanges."),
            .q("bare_surface_temperature", "°C", min: nil, "Average temperature of that bare surface."),
            .q("hours", "h/a", "Hours the network is under steam each year."),
            .percent("condensate_return", "Share of condensate returned to the boilers."),
        ]),
        processUnit("waste_heat_source", "A hot off-gas stream (furnace, reformer, molten-salt heater, incinerator flue gas).", [
            .text("source", "What produces it, e.g. `solid-caustic molten-salt furnace flue gas`."),
            .text("serves", "Process unit id it comes from."),
            .q("gas_flow", "m3/h", "Gas flow (standard m3 per hour)."),
            .q("gas_temperature", "°C", min: nil, "Gas temperature where a boiler could take it."),
            .q("outlet_temperature", "°C", min: nil,
               "Lowest temperature the gas may be cooled to (acid dew point, downstream needs); absent: the rule's default."),
            .q("hours", "h/a", "Hours per year the stream is available."),
            .flag("waste_heat_boiler", "A waste-heat boiler already recovers this stream."),
        ]),
    ]
}
