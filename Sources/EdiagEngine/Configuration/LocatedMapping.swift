public import EdiagModel
import Foundation

/// A YAML mapping read key by key, keeping where each key and value was written, so that a
/// manifest or configuration error names file, line and the allowed choices.
struct LocatedMapping {
    typealias Pair = (key: String, keyLocation: SourceLocation, value: SourceValue)
    let pairs: [Pair]
    let location: SourceLocation

    /// Wraps a value that must be a mapping.
    /// - Throws: `PackError` at the value when it is not one.
    init(_ value: SourceValue, what: String) throws(PackError) {
        guard case .mapping(let pairs, let location) = value else {
            throw PackError(location: value.location, message: "\(what) must be a mapping (key: value), not \(value.kindDescription)")
        }
        self.pairs = pairs
        self.location = location
    }

    /// Refuses keys outside `known`, with a did-you-mean and the list of allowed keys.
    func checkKeys(_ known: [String], in what: String) throws(PackError) {
        var seen: [String: SourceLocation] = [:]
        for pair in pairs {
            if let first = seen[pair.key] {
                throw PackError(location: pair.keyLocation, message: "'\(pair.key)' is given twice in \(what) (first at line \(first.line ?? 0))")
            }
            seen[pair.key] = pair.keyLocation
            guard known.contains(pair.key) else {
                let hint = Suggest.closest(pair.key, among: known).map { " Did you mean '\($0)'?" } ?? ""
                throw PackError(location: pair.keyLocation,
                                message: "unknown key '\(pair.key)' in \(what).\(hint) Allowed: \(known.joined(separator: ", ")).")
            }
        }
    }

    func value(_ key: String) -> SourceValue? { pairs.first { $0.key == key }?.value }

    func keyLocation(_ key: String) -> SourceLocation? { pairs.first { $0.key == key }?.keyLocation }

    /// A text value, if present.
    func text(_ key: String, in what: String) throws(PackError) -> String? {
        guard let v = value(key) else { return nil }
        guard case .scalar(let t, _, _) = v else {
            throw PackError(location: v.location, message: "\(what).\(key) must be text, not \(v.kindDescription)")
        }
        return t
    }

    /// A list of texts (a single text counts as a list of one), if present.
    func textList(_ key: String, in what: String) throws(PackError) -> [String]? {
        guard let v = value(key) else { return nil }
        return try Self.textList(v, what: "\(what).\(key)")
    }

    static func textList(_ v: SourceValue, what: String) throws(PackError) -> [String] {
        switch v {
        case .scalar(let t, _, _): return [t]
        case .sequence(let items, _):
            var out: [String] = []
            for item in items {
                guard case .scalar(let t, _, _) = item else {
                    throw PackError(location: item.location, message: "\(what) must be a list of texts, not contain \(item.kindDescription)")
                }
                out.append(t)
            }
            return out
        default:
            throw PackError(location: v.location, message: "\(what) must be a list of texts, not \(v.kindDescription)")
        }
    }

    /// A number within bounds, if present.
    func number(_ key: String, in what: String, min: Double? = nil, max: Double? = nil, unit: String = "") throws(PackError) -> Double? {
        guard let v = value(key) else { return nil }
        return try Self.number(v, what: "\(what).\(key)", min: min, max: max, unit: unit)
    }

    static func number(_ v: SourceValue, what: String, min: Double? = nil, max: Double? = nil, unit: String = "") throws(PackError) -> Double {
        guard case .scalar(let t, let quoted, _) = v, !quoted, let n = Double(t.trimmingCharacters(in: .whitespaces)), n.isFinite else {
            throw PackError(location: v.location, message: "\(what) must be a number\(unit.isEmpty ? "" : " in \(unit)"), not \(v.kindDescription)")
        }
        if (min.map { n < $0 } ?? false) || (max.map { n > $0 } ?? false) {
            throw PackError(location: v.location, message: "\(what) = \(t) is out of bounds; allowed: \(Self.range(min: min, max: max, unit: unit))")
        }
        return n
    }

    /// `0 … 1 yuan/kWh`, `≥ 0`, `≤ 5`.
    static func range(min: Double?, max: Double?, unit: String) -> String {
        let u = unit.isEmpty || unit == "1" ? "" : " \(unit)"
        switch (min, max) {
        case (let lo?, let hi?): return "\(NumberFormat.plain(lo)) … \(NumberFormat.plain(hi))\(u)"
        case (let lo?, nil): return "≥ \(NumberFormat.plain(lo))\(u)"
        case (nil, let hi?): return "≤ \(NumberFormat.plain(hi))\(u)"
        default: return "any number\(u)"
        }
    }

    /// A boolean (`true`/`false`), if present.
    func bool(_ key: String, in what: String) throws(PackError) -> Bool? {
        guard let v = value(key) else { return nil }
        guard case .scalar(let t, false, _) = v, t == "true" || t == "false" else {
            throw PackError(location: v.location, message: "\(what).\(key) must be true or false, not \(v.kindDescription)")
        }
        return t == "true"
    }
}
