import Foundation

/// Validates a `SourceValue` tree against `ProfileSchema` and converts quantities to schema units.
///
/// It reports every problem it finds, not only the first, each with the file, line and column,
/// the field path and what was expected.
public struct ProfileDecoder {
    private var issues: [ProfileIssue] = []
    /// Where the decoder is in the document. Kept as steps and written out as text only when a message
    /// needs it: a plant has thousands of fields and nearly never an error.
    private var steps: [PathStep] = []

    private enum PathStep {
        case key(String)
        /// 1-based, as messages count list items.
        case item(Int)
    }

    public init() {}

    /// Reads and validates a profile file.
    /// - Throws: `ProfileError` listing every error (syntax, types, units, bounds, missing fields).
    public static func load(path: String) throws(ProfileError) -> PlantProfile {
        let document: SourceValue
        let bytes: Data
        do {
            bytes = try SourceDocument.read(path: path)
            document = try SourceDocument.parse(bytes, file: path)
        } catch {
            throw ProfileError(file: path, issues: [ProfileIssue(.error, error.location, path: "", error.message)])
        }
        var profile = try decode(document, source: path)
        profile.inputHash = "sha256:" + SHA256.hex(bytes)
        return profile
    }

    /// Validates an already parsed document.
    public static func decode(_ document: SourceValue, source: String) throws(ProfileError) -> PlantProfile {
        var decoder = ProfileDecoder()
        let value = decoder.decodeObject(document, spec: ProfileSchema.root)
        let errors = decoder.issues.filter { $0.severity == .error }
        guard errors.isEmpty, let root = value?.object else {
            throw ProfileError(file: source, issues: decoder.issues.filter { $0.severity == .error })
        }
        return PlantProfile(source: source, root: root, warnings: decoder.issues.filter { $0.severity == .warning })
    }

    private mutating func error(_ at: SourceValue, _ path: String, _ message: String) {
        issues.append(ProfileIssue(.error, at.location, path: path, message))
    }

    private mutating func warn(_ at: SourceValue, _ path: String, _ message: String) {
        issues.append(ProfileIssue(.warning, at.location, path: path, message))
    }

    private static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The field path of the current value, e.g. `energy.electricity.price` or `equipment[3].id`.
    private var path: String {
        var text = ""
        for step in steps {
            switch step {
            case .key(let key): text = Self.join(text, key)
            case .item(let number): text += "[\(number)]"
            }
        }
        return text
    }

    /// The path of the current value's field `key`.
    private func path(adding key: String) -> String { Self.join(path, key) }

    /// Runs `body` one step deeper in the document.
    private mutating func descending<T>(_ step: PathStep, _ body: (inout ProfileDecoder) -> T) -> T {
        steps.append(step)
        defer { steps.removeLast() }
        return body(&self)
    }

    /// Keys starting `x_` or `x-` are extensions for other tools: accepted and ignored.
    static func isExtensionKey(_ key: String) -> Bool { key.hasPrefix("x_") || key.hasPrefix("x-") }

    mutating func decodeObject(_ value: SourceValue, spec: ObjectSpec, unitSubstitution: String? = nil) -> ProfileValue? {
        guard case .mapping(let pairs, _) = value else {
            error(value, path, "expected a mapping (\(spec.name)), got \(value.kindDescription)")
            return nil
        }
        var fields: [ProfileObject.Field] = []
        fields.reserveCapacity(pairs.count)
        // Schema fields seen, by their index in `spec.fields`; unknown keys apart (rare).
        var seen = [Bool](repeating: false, count: spec.fields.count)
        var seenUnknown = Set<String>()
        for pair in pairs {
            if Self.isExtensionKey(pair.key) { continue }
            let index = spec.fields.firstIndex { $0.name == pair.key }
            let firstTime: Bool
            if let index {
                firstTime = !seen[index]
                seen[index] = true
            } else {
                firstTime = seenUnknown.insert(pair.key).inserted
            }
            guard firstTime else {
                issues.append(ProfileIssue(.error, pair.keyLocation, path: path(adding: pair.key), "the field is given twice"))
                continue
            }
            guard let index else {
                let hint = Suggest.closest(pair.key, among: spec.fields.map(\.name)).map { "; did you mean '\($0)'?" } ?? ""
                issues.append(ProfileIssue(.error, pair.keyLocation, path: path(adding: pair.key),
                                           "unknown field '\(pair.key)' for \(spec.name)\(hint)"))
                continue
            }
            if case .null = pair.value {
                if spec.fields[index].required { error(pair.value, path(adding: pair.key), "a value is required") }
                continue
            }
            let decoded = descending(.key(pair.key)) {
                $0.decodeField(pair.value, kind: spec.fields[index].kind, unitSubstitution: unitSubstitution)
            }
            if let decoded {
                fields.append(ProfileObject.Field(name: pair.key, value: decoded))
            }
        }
        for (index, field) in spec.fields.enumerated() where field.required && !seen[index] {
            error(value, path(adding: field.name), "missing required field '\(field.name)' (\(field.doc))")
        }
        return .object(ProfileObject(type: spec.name, fields: fields))
    }

    private mutating func decodeField(_ value: SourceValue, kind: FieldKind, unitSubstitution: String?) -> ProfileValue? {
        switch kind {
        case .text:
            guard case .scalar(let text, _, _) = value else {
                error(value, path, "expected text, got \(value.kindDescription)")
                return nil
            }
            return .text(text)
        case .date:
            guard case .scalar(let text, _, _) = value, Self.isDate(text) else {
                error(value, path, "expected a date written YYYY-MM-DD, got \(value.kindDescription)")
                return nil
            }
            return .text(text)
        case .boolean:
            guard case .scalar(let text, _, _) = value, text == "true" || text == "false" else {
                error(value, path, "expected true or false, got \(value.kindDescription)")
                return nil
            }
            return .bool(text == "true")
        case .integer(let min, let max):
            guard case .scalar(let text, _, _) = value, let n = Int(text) else {
                error(value, path, "expected a whole number, got \(value.kindDescription)")
                return nil
            }
            if let min, n < min { error(value, path, "must be at least \(min), got \(n)"); return nil }
            if let max, n > max { error(value, path, "must be at most \(max), got \(n)"); return nil }
            return .integer(n)
        case .number(let unit, let min, let max):
            return decodeQuantity(value, spec: QuantitySpec(unit: unit, min: min, max: max), bareAllowed: true)
        case .quantity(let spec):
            var resolved = spec
            if let carrierUnit = unitSubstitution { resolved.unit = spec.unit.replacingCarrier(with: carrierUnit) }
            let target = try? Unit(resolved.unit)
            return decodeQuantity(value, spec: resolved, target: target, bareAllowed: target?.dimension == Dimension.none)
        case .choice(let options):
            guard case .scalar(let text, _, _) = value, options.contains(text) else {
                let hint = value.scalarText.flatMap { Suggest.closest($0, among: options) }.map { " (did you mean '\($0)'?)" } ?? ""
                error(value, path, "expected one of \(options.joined(separator: ", ")); got \(value.kindDescription)\(hint)")
                return nil
            }
            return .text(text)
        case .object(let name):
            guard let spec = ProfileSchema.objectTypes[name] else { return nil }
            return decodeObject(value, spec: spec)
        case .list(let element):
            guard case .sequence(let items, _) = value else {
                error(value, path, "expected a list, got \(value.kindDescription)")
                return nil
            }
            var out: [ProfileValue] = []
            out.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                if let v = descending(.item(i + 1), { $0.decodeField(item, kind: element, unitSubstitution: nil) }) { out.append(v) }
            }
            checkUniqueIDs(out, items: items)
            return .list(out)
        case .variants(let discriminator, let types):
            guard case .sequence(let items, _) = value else {
                error(value, path, "expected a list, got \(value.kindDescription)")
                return nil
            }
            var out: [ProfileValue] = []
            out.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                let decoded = descending(.item(i + 1)) { decoder -> ProfileValue? in
                    guard case .mapping(let pairs, _) = item else {
                        decoder.error(item, decoder.path, "expected a mapping, got \(item.kindDescription)")
                        return nil
                    }
                    guard let typePair = pairs.first(where: { $0.key == discriminator }), let typeName = typePair.value.scalarText else {
                        decoder.error(item, decoder.path, "missing '\(discriminator)'; one of: \(types.joined(separator: ", "))")
                        return nil
                    }
                    guard types.contains(typeName), let spec = ProfileSchema.objectTypes[typeName] else {
                        let hint = Suggest.closest(typeName, among: types).map { " (did you mean '\($0)'?)" } ?? ""
                        decoder.error(typePair.value, decoder.path(adding: discriminator),
                                      "unknown \(discriminator) '\(typeName)'\(hint); known: \(types.joined(separator: ", "))")
                        return nil
                    }
                    return decoder.decodeObject(item, spec: spec)
                }
                if let decoded { out.append(decoded) }
            }
            checkUniqueIDs(out, items: items)
            return .list(out)
        case .carrierMap:
            guard case .mapping(let pairs, _) = value else {
                error(value, path, "expected a mapping from energy carrier to its use, got \(value.kindDescription)")
                return nil
            }
            guard let spec = ProfileSchema.objectTypes["energy_use"] else { return nil }
            var fields: [ProfileObject.Field] = []
            for pair in pairs {
                if Self.isExtensionKey(pair.key) { continue }
                guard let carrier = EnergyCarrier.named(pair.key) else {
                    let ids = EnergyCarrier.all.map(\.id)
                    let hint = Suggest.closest(pair.key, among: ids).map { "; did you mean '\($0)'?" } ?? ""
                    issues.append(ProfileIssue(.error, pair.keyLocation, path: path(adding: pair.key),
                                               "unknown energy carrier '\(pair.key)'\(hint); known: \(ids.joined(separator: ", "))"))
                    continue
                }
                let decoded = descending(.key(pair.key)) { $0.decodeObject(pair.value, spec: spec, unitSubstitution: carrier.unit) }
                if case .object(var object)? = decoded {
                    object.type = "energy_use"
                    fields.append(ProfileObject.Field(name: pair.key, value: .object(object)))
                }
            }
            return .object(ProfileObject(type: "energy", fields: fields))
        }
    }

    private mutating func checkUniqueIDs(_ values: [ProfileValue], items: [SourceValue]) {
        var seen: [String: Int] = [:]
        for (i, v) in values.enumerated() {
            guard let id = v.object?["id"]?.text else { continue }
            if let first = seen[id] {
                let path = self.path
                error(items[min(i, items.count - 1)], "\(path)[\(i + 1)].id", "duplicate id '\(id)' (first used at \(path)[\(first)])")
            } else {
                seen[id] = i + 1
            }
        }
    }

    /// - Parameter parsedTarget: `spec.unit` already parsed, when the caller has it.
    private mutating func decodeQuantity(_ value: SourceValue, spec: QuantitySpec, target parsedTarget: Unit? = nil,
                                         bareAllowed: Bool) -> ProfileValue? {
        let target: Unit
        if let parsedTarget {
            target = parsedTarget
        } else {
            do { target = try Unit(spec.unit) } catch {
                self.error(value, path, "schema error: \(error)")
                return nil
            }
        }
        var quantity: Quantity?
        var bareNumber = false
        switch value {
        case .scalar(let text, let quoted, _):
            if !quoted, let number = Double(text), number.isFinite {
                guard bareAllowed else {
                    error(value, path, "expected a quantity with a unit of \(target.dimension), e.g. '\(text) \(spec.unit)'; got the bare number \(text)")
                    return nil
                }
                quantity = Quantity(number, target)
                bareNumber = true
            } else {
                do { quantity = try Quantity(parsing: text) } catch {
                    self.error(value, path, "\(error); expected a quantity in \(spec.unit) or a compatible unit")
                    return nil
                }
            }
        case .mapping(let pairs, _):
            guard let v = pairs.first(where: { $0.key == "value" })?.value.scalarText, let number = Double(v) else {
                error(value, path, "expected {value: number, unit: text}")
                return nil
            }
            let unitText = pairs.first(where: { $0.key == "unit" })?.value.scalarText
            guard let unitText else {
                if bareAllowed { quantity = Quantity(number, target); bareNumber = true; break }
                error(value, path, "the unit is missing; expected a unit of \(target.dimension) such as \(spec.unit)")
                return nil
            }
            do { quantity = Quantity(number, try Unit(unitText)) } catch {
                self.error(value, path, "\(error); expected a unit of \(target.dimension) such as \(spec.unit)")
                return nil
            }
        default:
            error(value, path, "expected a quantity such as '12 \(spec.unit)', got \(value.kindDescription)")
            return nil
        }
        guard let quantity else { return nil }
        var converted: Double
        do { converted = try quantity.value(in: target) } catch {
            self.error(value, path, "\(error); this field takes \(spec.unit)")
            return nil
        }
        // Unit scales are binary fractions (gce → kgce, kWh → J): round away the conversion noise so
        // that a value written exactly on a limit (215 gce/kWh) stays exactly on it.
        converted = NumberFormat.significant(converted, digits: 12)
        guard converted.isFinite else {
            error(value, path, "the value is not a finite number")
            return nil
        }
        if let min = spec.min {
            if spec.minExclusive ? converted <= min : converted < min {
                let relation = spec.minExclusive ? "greater than" : "at least"
                error(value, path, "must be \(relation) \(NumberFormat.plain(min)) \(spec.unit), got \(quantity)")
                return nil
            }
        }
        if let max = spec.max, converted > max {
            error(value, path, "must be at most \(NumberFormat.plain(max)) \(spec.unit), got \(quantity)")
            return nil
        }
        if bareNumber, spec.unit == "%", converted > 0, converted <= 1 {
            warn(value, path, "\(quantity) looks like a fraction; this field is in %, write '\(NumberFormat.plain(converted * 100)) %' if that was meant")
        }
        return .number(converted)
    }

    /// Whether `text` is a valid calendar date written `YYYY-MM-DD`.
    public static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return false }
        let days = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...12).contains(m) && d >= 1 && d <= days[m - 1]
    }
}

extension SourceValue {
    /// The text of a scalar; nil for anything else.
    public var scalarText: String? { if case .scalar(let t, _, _) = self { return t } else { return nil } }
}

extension String {
    /// Replaces the placeholder unit `carrier` (in energy-use fields) with the carrier's own unit.
    func replacingCarrier(with unit: String) -> String {
        if self == "carrier" { return unit }
        if hasSuffix("/carrier") { return String(dropLast("carrier".count)) + unit }
        return self
    }
}

/// "Did you mean" suggestions by edit distance.
public enum Suggest {
    /// The closest candidate within a distance of a third of the word's length, if any.
    public static func closest(_ word: String, among candidates: [String]) -> String? {
        let limit = max(2, word.count / 3)
        var best: (String, Int)?
        for c in candidates {
            let d = distance(word.lowercased(), c.lowercased())
            if d <= limit, best == nil || d < best!.1 { best = (c, d) }
        }
        return best?.0
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
