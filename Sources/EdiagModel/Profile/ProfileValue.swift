/// A validated profile value: numbers are in the unit the schema names for their field.
public indirect enum ProfileValue: Sendable, Equatable {
    case number(Double)
    case integer(Int)
    case text(String)
    case bool(Bool)
    case list([ProfileValue])
    case object(ProfileObject)

    public var number: Double? {
        switch self {
        case .number(let v): return v
        case .integer(let v): return Double(v)
        default: return nil
        }
    }
    public var text: String? { if case .text(let v) = self { return v } else { return nil } }
    public var object: ProfileObject? { if case .object(let v) = self { return v } else { return nil } }
    public var list: [ProfileValue]? { if case .list(let v) = self { return v } else { return nil } }
    /// Whether this is a list or an object (rules see those as tables).
    public var isContainer: Bool {
        switch self {
        case .list, .object: return true
        default: return false
        }
    }
}

/// A validated object of a schema type; fields keep the order they were written in.
public struct ProfileObject: Sendable, Equatable {
    /// The schema object type, e.g. `motor` or `energy_use.electricity`.
    public var type: String
    public var fields: [Field]

    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: ProfileValue

        public init(name: String, value: ProfileValue) {
            self.name = name
            self.value = value
        }
    }

    public init(type: String, fields: [Field]) {
        self.type = type
        self.fields = fields
    }

    public subscript(_ name: String) -> ProfileValue? { fields.first { $0.name == name }?.value }
}

/// A profile that passed validation.
public struct PlantProfile: Sendable {
    /// Where it was read from.
    public var source: String
    /// The whole validated document.
    public var root: ProfileObject
    /// Problems that do not stop a diagnosis (e.g. a percentage that looks like a fraction).
    public var warnings: [ProfileIssue]
    /// `sha256:` and the hash of the file's bytes as read, or empty when the profile was not read from a file.
    public var inputHash: String = ""

    public init(source: String, root: ProfileObject, warnings: [ProfileIssue] = []) {
        self.source = source
        self.root = root
        self.warnings = warnings
    }

    public var plantID: String { root["plant"]?.object?["id"]?.text ?? "" }
    public var plantName: String { root["plant"]?.object?["name"]?.text ?? "" }
    public var sector: String { root["plant"]?.object?["sector"]?.text ?? "" }
    public var province: String? { root["plant"]?.object?["province"]?.text }
    public var gridRegion: String? { root["plant"]?.object?["grid_region"]?.text }
    /// `YYYY-MM-DD`.
    public var assessmentDate: String { root["assessment"]?.object?["date"]?.text ?? "" }
    public var energy: ProfileObject? { root["energy"]?.object }
    public var finance: ProfileObject? { root["finance"]?.object }

    /// The unit price of a carrier in yuan per carrier unit, when the profile gives one.
    public func price(of carrier: String) -> Double? {
        if let p = energy?[carrier]?.object?["price"]?.number { return p }
        if carrier == "electricity" || carrier == "self_generated_electricity" {
            return energy?["electricity"]?.object?["price"]?.number ?? finance?["electricity_price"]?.number
        }
        return nil
    }
}
