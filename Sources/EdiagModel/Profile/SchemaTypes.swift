/// What a profile field holds.
public indirect enum FieldKind: Sendable {
    /// Free text.
    case text
    /// A calendar date written `YYYY-MM-DD`.
    case date
    case boolean
    case integer(min: Int? = nil, max: Int? = nil)
    /// A dimensionless number; a unit is optional (`%` converts, so `93.6 %` and `0.936` agree
    /// for a field whose unit is `1`).
    case number(unit: String = "1", min: Double? = nil, max: Double? = nil)
    /// A quantity with a unit; the value reaches rules in `spec.unit`.
    case quantity(QuantitySpec)
    /// One of a fixed set of words.
    case choice([String])
    /// A nested object of the named type.
    case object(String)
    case list(FieldKind)
    /// A list of objects whose type is chosen by a discriminator field (e.g. `type: motor`).
    case variants(discriminator: String, types: [String])
    /// A mapping from energy carrier to its use (see `EnergyCarrier`).
    case carrierMap
}

/// Unit and bounds of a quantity field. Bounds are in `unit`.
public struct QuantitySpec: Sendable {
    /// The unit rules see the value in (e.g. `kWh`, `t`, `kgce/t`).
    public var unit: String
    public var min: Double?
    /// When true, `min` itself is not allowed (e.g. efficiency > 0).
    public var minExclusive: Bool
    public var max: Double?

    public init(unit: String, min: Double? = nil, minExclusive: Bool = false, max: Double? = nil) {
        self.unit = unit
        self.min = min
        self.minExclusive = minExclusive
        self.max = max
    }
}

/// One field of an object type.
public struct FieldSpec: Sendable {
    public var name: String
    public var kind: FieldKind
    public var required: Bool
    /// What the field means, in English, for docs, editors and error messages.
    public var doc: String

    public init(_ name: String, _ kind: FieldKind, required: Bool = false, _ doc: String) {
        self.name = name
        self.kind = kind
        self.required = required
        self.doc = doc
    }
}

/// A named object type of the profile schema.
public struct ObjectSpec: Sendable {
    public var name: String
    public var doc: String
    public var fields: [FieldSpec]

    public init(_ name: String, _ doc: String, _ fields: [FieldSpec]) {
        self.name = name
        self.doc = doc
        self.fields = fields
    }

    public func field(_ name: String) -> FieldSpec? { fields.first { $0.name == name } }
}

// Shorthands used by the schema tables.
extension FieldSpec {
    static func q(_ name: String, _ unit: String, min: Double? = 0, minExclusive: Bool = false, max: Double? = nil,
                  required: Bool = false, _ doc: String) -> FieldSpec {
        FieldSpec(name, .quantity(QuantitySpec(unit: unit, min: min, minExclusive: minExclusive, max: max)),
                  required: required, doc)
    }
    static func percent(_ name: String, max: Double = 100, required: Bool = false, _ doc: String) -> FieldSpec {
        FieldSpec(name, .quantity(QuantitySpec(unit: "%", min: 0, max: max)), required: required, doc)
    }
    static func efficiency(_ name: String, required: Bool = false, _ doc: String) -> FieldSpec {
        FieldSpec(name, .quantity(QuantitySpec(unit: "%", min: 0, minExclusive: true, max: 100)), required: required, doc)
    }
    static func text(_ name: String, required: Bool = false, _ doc: String) -> FieldSpec {
        FieldSpec(name, .text, required: required, doc)
    }
    static func flag(_ name: String, _ doc: String) -> FieldSpec { FieldSpec(name, .boolean, doc) }
    static func choice(_ name: String, _ options: [String], required: Bool = false, _ doc: String) -> FieldSpec {
        FieldSpec(name, .choice(options), required: required, doc)
    }
    static func year(_ name: String, _ doc: String) -> FieldSpec {
        FieldSpec(name, .integer(min: 1900, max: 2100), doc)
    }
}
