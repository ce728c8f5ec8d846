import EdiagModel

/// The JSON Schema (draft 2020-12) of the plant profile, generated from `ProfileSchema` for editors.
public enum ProfileJSONSchema {
    public static func document() -> String {
        var defs: [(String, JSONValue)] = []
        for name in ProfileSchema.objectTypes.keys.sorted() where name != "profile" {
            defs.append((name, object(ProfileSchema.objectTypes[name]!)))
        }
        let root = object(ProfileSchema.root)
        guard case .object(var pairs) = root else { return "" }
        pairs.insert(("$schema", .string("https://json-schema.org/draft/2020-12/schema")), at: 0)
        pairs.insert(("$id", .string("https://ediag.example/schema/profile-\(ProfileSchema.version).json")), at: 1)
        pairs.append(("$defs", .object(defs)))
        return JSONValue.object(pairs).serialized() + "\n"
    }

    static let quantityPattern = "^[-+]?[0-9][0-9_,]*(\\.[0-9]+)?([eE][-+]?[0-9]+)?\\s*\\S.*$"

    static func object(_ spec: ObjectSpec) -> JSONValue {
        var properties: [(String, JSONValue)] = []
        for field in spec.fields { properties.append((field.name, kind(field.kind, doc: field.doc))) }
        let required = spec.fields.filter(\.required).map { JSONValue.string($0.name) }
        return .object([
            ("type", .string("object")), ("description", .string(spec.doc)),
            ("properties", .object(properties)), ("required", .array(required)),
            ("patternProperties", .object([("^x[-_]", .object([]))])),
            ("additionalProperties", .bool(false)),
        ])
    }

    static func kind(_ kind: FieldKind, doc: String) -> JSONValue {
        switch kind {
        case .text: return .object([("type", .string("string")), ("description", .string(doc))])
        case .date: return .object([("type", .string("string")), ("format", .string("date")), ("description", .string(doc))])
        case .boolean: return .object([("type", .string("boolean")), ("description", .string(doc))])
        case .integer(let min, let max):
            var p: [(String, JSONValue)] = [("type", .string("integer")), ("description", .string(doc))]
            if let min { p.append(("minimum", .number(Double(min)))) }
            if let max { p.append(("maximum", .number(Double(max)))) }
            return .object(p)
        case .number(let unit, _, _):
            return .object([("description", .string("\(doc) Unit: \(unit).")),
                             ("oneOf", .array([.object([("type", .string("number"))]), quantityForm()]))])
        case .quantity(let q):
            return .object([("description", .string("\(doc) Unit: \(q.unit) (or a compatible unit).")),
                            ("oneOf", .array([.object([("type", .string("string")), ("pattern", .string(quantityPattern))]), quantityForm()]))])
        case .choice(let options):
            return .object([("enum", .array(options.map { .string($0) })), ("description", .string(doc))])
        case .object(let name): return .object([("$ref", .string("#/$defs/\(name)")), ("description", .string(doc))])
        case .list(let element):
            return .object([("type", .string("array")), ("items", self.kind(element, doc: "")), ("description", .string(doc))])
        case .variants(let discriminator, let types):
            let options = types.map { JSONValue.object([("$ref", .string("#/$defs/\($0)"))]) }
            return .object([("type", .string("array")), ("description", .string("\(doc) Each item has '\(discriminator)'.")),
                             ("items", .object([("oneOf", .array(options))]))])
        case .carrierMap:
            return .object([
                ("type", .string("object")), ("description", .string(doc)),
                ("properties", .object(EnergyCarrier.all.map { ($0.id, .object([("$ref", .string("#/$defs/energy_use")),
                                                                                  ("description", .string("\($0.nameEn) (\($0.nameZh)); unit \($0.unit)"))])) })),
                ("additionalProperties", .bool(false)),
            ])
        }
    }

    static func quantityForm() -> JSONValue {
        .object([("type", .string("object")),
                 ("properties", .object([("value", .object([("type", .string("number"))])), ("unit", .object([("type", .string("string"))]))])),
                 ("required", .array([.string("value")]))])
    }
}
