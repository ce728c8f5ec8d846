/// The plant profile schema, version 1: every object type, field, unit and bound.
///
/// This is the one source for validation, `ediag schema profile` (JSON Schema), `docs/profile.md`,
/// the rule-side field checks and the editor definitions. Sector files add their process-unit types
/// (`ProfileSchema+Cement.swift`, …); they are registered here, explicitly, in `processUnitTypes`.
public enum ProfileSchema {
    /// The schema version written in outputs and accepted in `schema_version`.
    public static let version = "1"

    /// Process-unit types, registered explicitly.
    public static let processUnitTypes: [ObjectSpec] =
        cementUnits + steelUnits + chemicalsUnits + nonferrousUnits + powerUnits

    /// Equipment types, registered explicitly.
    public static let equipmentTypes: [ObjectSpec] = equipmentSpecs

    /// The root object type.
    public static let root = ObjectSpec("profile", "A plant profile: one plant, one assessment period.", [
        FieldSpec("schema_version", .text, "Profile schema version; `1` when given."),
        FieldSpec("plant", .object("plant"), required: true, "Who the plant is."),
        FieldSpec("assessment", .object("assessment"), required: true, "When and over which period the plant is assessed."),
        FieldSpec("products", .list(.object("product")), "Products and their output over the period."),
        FieldSpec("energy", .carrierMap, "Energy by carrier over the period: consumption and unit price."),
        FieldSpec("process_units", .variants(discriminator: "type", types: processUnitTypes.map(\.name)),
                  "Process units (kiln lines, furnaces, power units…) with their measured indicators."),
        FieldSpec("equipment", .variants(discriminator: "type", types: equipmentTypes.map(\.name)),
                  "Equipment inventory: motors, transformers, fans, pumps, air compressors, boilers."),
        FieldSpec("finance", .object("finance"), "Financial parameters for the economics of measures."),
        FieldSpec("measures_implemented", .list(.object("implemented_measure")),
                  "Measures already implemented, so rules do not recommend them again."),
        FieldSpec("notes", .text, "Free text for the assessor; never read by rules."),
    ])

    static let common: [ObjectSpec] = [
        ObjectSpec("plant", "Identity of the plant.", [
            .text("id", required: true, "Stable identifier, e.g. the agency's file number `HN-CEM-0012`."),
            .text("name", required: true, "Registered name (Chinese as registered)."),
            .text("name_en", "English name."),
            .text("credit_code", "Unified social credit code (统一社会信用代码)."),
            .text("province", "Province, e.g. `Hunan`."),
            .text("city", "City or prefecture."),
            .choice("grid_region", ["north", "northeast", "east", "central", "northwest", "south", "southwest"],
                    "Regional power grid, for the regional grid CO2 factor."),
            .choice("sector", ["steel", "cement", "chemicals", "nonferrous", "power", "other"], required: true, "Sector."),
            .text("subsector", "Subsector, e.g. `clinker-and-cement`, `bf-bof`, `electrolytic-aluminium`."),
            .flag("key_energy_user", "A key energy-using unit (重点用能单位)."),
            .q("altitude", "m", min: nil, "Site altitude above sea level (limit corrections above 1500 m)."),
        ]),
        ObjectSpec("assessment", "The assessment: its date decides which standard editions apply.", [
            FieldSpec("date", .date, required: true, "Assessment date; the standard edition in force on this date applies."),
            FieldSpec("period_start", .date, "First day of the period the figures cover."),
            FieldSpec("period_end", .date, "Last day of the period the figures cover."),
            .text("agency", "Diagnosis agency."),
            .text("assessor", "Lead assessor."),
        ]),
        ObjectSpec("product", "A product and its output over the period.", [
            .text("id", required: true, "Identifier within the profile."),
            .text("product", required: true, "Product code, e.g. `clinker`, `cement`, `hot_metal`, `crude_steel`, `electricity`."),
            .text("name", "Name as the plant uses it."),
            FieldSpec("output", .quantity(QuantitySpec(unit: "t", min: 0)), required: true,
                      "Output over the period (t; electricity products in kWh are given on power units instead)."),
            .q("capacity", "t/a", "Design capacity."),
        ]),
        ObjectSpec("energy_use", "Use of one energy carrier over the period.", [
            FieldSpec("consumption", .quantity(QuantitySpec(unit: "carrier", min: 0)), required: true,
                      "Consumption over the period, in the carrier's unit (kWh, t, m3 or GJ)."),
            FieldSpec("price", .quantity(QuantitySpec(unit: "yuan/carrier", min: 0)),
                      "Average unit price paid, e.g. `0.62 yuan/kWh`."),
            FieldSpec("calorific_value", .quantity(QuantitySpec(unit: "MJ/carrier", min: 0, minExclusive: true)),
                      "Measured net calorific value, when it differs from the GB/T 2589 reference."),
            FieldSpec("co2_factor", .quantity(QuantitySpec(unit: "kgCO2/carrier", min: 0)),
                      "Plant-specific CO2 factor, overriding the default."),
        ]),
        ObjectSpec("finance", "Financial parameters.", [
            FieldSpec("discount_rate", .number(unit: "1", min: 0, max: 1), "Real discount rate for NPV, e.g. `8 %`."),
            .q("carbon_price", "yuan/tCO2", "Carbon price used to value avoided CO2 (0 or absent: not valued)."),
            .q("electricity_price", "yuan/kWh", "Electricity price when `energy.electricity.price` is absent."),
        ]),
        ObjectSpec("implemented_measure", "A measure already in place.", [
            .text("measure", required: true, "Measure key, e.g. `waste-heat-power`, `vfd`, `trt`, `cdq`."),
            .text("subject", "Process unit or equipment id it applies to (absent: the whole plant)."),
            .year("year", "Year it went into service."),
        ]),
    ]

    /// Every object type by name.
    public static let objectTypes: [String: ObjectSpec] = {
        var table: [String: ObjectSpec] = [:]
        for spec in [root] + common + processUnitTypes + equipmentTypes { table[spec.name] = spec }
        return table
    }()

    /// Fields every process unit has, before its type-specific ones.
    static func processUnit(_ name: String, _ doc: String, _ fields: [FieldSpec]) -> ObjectSpec {
        ObjectSpec(name, doc, [
            .text("id", required: true, "Identifier within the profile, e.g. `K1`."),
            .choice("type", [name], required: true, "Process-unit type."),
            .text("name", "Name as the plant uses it."),
            .year("commissioned", "Year of commissioning."),
        ] + fields)
    }
}
