import EdiagModel
import Foundation

/// Reads `ediag.yaml` and command-line overrides against `ConfigurationSchema` (phase one: the
/// shape, bounds and choices; names of plugins, rules and parameters are checked by
/// `ConfigurationChecker` once the plugins are loaded).
public enum ConfigurationLoader {
    /// The file name looked for in the working folder.
    public static let fileName = "ediag.yaml"

    /// Builds the effective configuration from the defaults, an optional file and overrides.
    /// - Returns: the configuration, or every problem found (file, line, allowed values).
    public static func load(file: String?, overrides: [ConfigOverride]) -> Result<EffectiveConfiguration, ConfigurationErrors> {
        var entries = defaults()
        var errors: [ConfigurationError] = []
        if let file {
            do {
                let document = try SourceDocument.load(path: file)
                if case .null = document {} else {
                    collect(document, node: ConfigurationSchema.root, key: [], origin: { .file($0) }, into: &entries, errors: &errors)
                }
            } catch {
                errors.append(ConfigurationError(location: error.location, message: error.message))
            }
        }
        for o in overrides {
            let file = "command line \(o.option) \(o.key)"
            let parsed: SourceValue
            do { parsed = try SourceDocument.parse(o.value.isEmpty ? "\"\"" : o.value, file: file) } catch {
                errors.append(ConfigurationError(location: SourceLocation(file: file), message: error.message))
                continue
            }
            let value = strippingLines(parsed, file: file)
            do {
                let path = try split(o.key, location: SourceLocation(file: file))
                var nested = value
                for (k, component) in path.enumerated().reversed() where k > 0 {
                    nested = .mapping([(component, SourceLocation(file: file), nested)], SourceLocation(file: file))
                }
                let top: SourceValue = .mapping([(path[0], SourceLocation(file: file), nested)], SourceLocation(file: file))
                collect(top, node: ConfigurationSchema.root, key: [], origin: { _ in .commandLine(o.option) }, into: &entries, errors: &errors)
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else { return .failure(ConfigurationErrors(errors)) }
        return .success(EffectiveConfiguration(entries: entries))
    }

    /// The file to use: the one given, else `ediag.yaml` in the working folder when it exists.
    public static func locate(given: String?, workingDirectory: String) -> String? {
        if let given { return given }
        let candidate = workingDirectory + "/" + fileName
        guard FileManager.default.fileExists(atPath: candidate) else { return nil }
        // In the current folder the short name keeps messages readable.
        return workingDirectory == FileManager.default.currentDirectoryPath ? fileName : candidate
    }

    static func defaults() -> [ConfigEntry] {
        var out: [ConfigEntry] = []
        func walk(_ node: ConfigNode, _ key: [String]) {
            switch node {
            case .section(let children): for c in children { walk(c.node, key + [c.key]) }
            case .each: break
            case .leaf(_, let d, _):
                if let d { out.append(ConfigEntry(key: key, value: d, origin: .builtIn, location: SourceLocation(file: "(default)"))) }
            }
        }
        walk(ConfigurationSchema.root, [])
        return out
    }

    static func strippingLines(_ value: SourceValue, file: String) -> SourceValue {
        let l = SourceLocation(file: file)
        switch value {
        case .scalar(let t, let q, _): return .scalar(t, isQuoted: q, l)
        case .null: return .null(l)
        case .sequence(let items, _): return .sequence(items.map { strippingLines($0, file: file) }, l)
        case .mapping(let pairs, _): return .mapping(pairs.map { ($0.key, l, strippingLines($0.value, file: file)) }, l)
        }
    }

    /// Walks a document along the schema, adding an entry per leaf and an error per problem.
    static func collect(_ value: SourceValue, node: ConfigNode, key: [String], origin: (SourceLocation) -> ConfigOrigin,
                        into entries: inout [ConfigEntry], errors: inout [ConfigurationError]) {
        let here = key.isEmpty ? "the configuration" : "'\(key.joined(separator: "."))'"
        switch node {
        case .section(let children):
            do {
                let m = try LocatedMapping(value, what: here)
                let known = children.map(\.key)
                var seen: Set<String> = []
                for pair in m.pairs {
                    guard seen.insert(pair.key).inserted else {
                        errors.append(ConfigurationError(location: pair.keyLocation, message: "'\(pair.key)' is given twice in \(here)"))
                        continue
                    }
                    guard let child = children.first(where: { $0.key == pair.key }) else {
                        let hint = Suggest.closest(pair.key, among: known).map { " Did you mean '\($0)'?" } ?? ""
                        errors.append(ConfigurationError(location: pair.keyLocation,
                                                         message: "unknown key '\((key + [pair.key]).joined(separator: "."))'.\(hint) Allowed in \(here): \(known.joined(separator: ", "))."))
                        continue
                    }
                    collect(pair.value, node: child.node, key: key + [pair.key], origin: origin, into: &entries, errors: &errors)
                }
            } catch {
                errors.append(ConfigurationError(error))
            }
        case .each(let what, let child):
            do {
                let m = try LocatedMapping(value, what: "\(here) (\(what) → settings)")
                for pair in m.pairs {
                    if key == ["economics", "prices"], EnergyCarrier.named(pair.key) == nil {
                        let hint = Suggest.closest(pair.key, among: EnergyCarrier.all.map(\.id)).map { " Did you mean '\($0)'?" } ?? ""
                        errors.append(ConfigurationError(location: pair.keyLocation, message: "unknown energy carrier '\(pair.key)' in economics.prices.\(hint) Allowed: \(EnergyCarrier.all.map(\.id).joined(separator: ", "))."))
                        continue
                    }
                    collect(pair.value, node: child, key: key + [pair.key], origin: origin, into: &entries, errors: &errors)
                }
            } catch {
                errors.append(ConfigurationError(error))
            }
        case .leaf(let kind, _, _):
            do {
                let v = try leafValue(value, kind: kind, key: key)
                entries.append(ConfigEntry(key: key, value: v, origin: origin(value.location), location: value.location))
            } catch {
                errors.append(error)
            }
        }
    }

    static func leafValue(_ value: SourceValue, kind: ConfigKind, key: [String]) throws(ConfigurationError) -> ConfigValue {
        let name = key.joined(separator: ".")
        func fail(_ why: String) -> ConfigurationError {
            ConfigurationError(location: value.location, message: "\(name) \(why); allowed: \(kind.allowed)")
        }
        switch kind {
        case .number(let min, let max, let unit):
            // A dimensionless share may be written as a percentage, as in profiles ("6 %").
            if unit == "1", case .scalar(let t, false, let l) = value, t.hasSuffix("%"),
               let percent = Double(t.dropLast().trimmingCharacters(in: .whitespaces)) {
                let share = SourceValue.scalar(NumberFormat.plain(percent / 100), isQuoted: false, l)
                do { return .number(try LocatedMapping.number(share, what: name, min: min, max: max, unit: unit)) } catch {
                    throw ConfigurationError(error)
                }
            }
            do { return .number(try LocatedMapping.number(value, what: name, min: min, max: max, unit: unit)) } catch {
                throw ConfigurationError(error)
            }
        case .choice(let words):
            guard case .scalar(let t, _, _) = value, words.contains(t) else {
                if case .scalar(let t, _, _) = value, let s = Suggest.closest(t, among: words) {
                    throw fail("is \(value.kindDescription) (did you mean '\(s)'?)")
                }
                throw fail("is \(value.kindDescription)")
            }
            return .text(t)
        case .choiceOrNumber(let words, let min, let max, let unit):
            if case .scalar(let t, false, _) = value, Double(t) != nil {
                do { return .number(try LocatedMapping.number(value, what: name, min: min, max: max, unit: unit)) } catch {
                    throw ConfigurationError(error)
                }
            }
            guard case .scalar(let t, _, _) = value, words.contains(t) else {
                if case .scalar(let t, _, _) = value, let s = Suggest.closest(t, among: words) {
                    throw fail("is \(value.kindDescription) (did you mean '\(s)'?)")
                }
                throw fail("is \(value.kindDescription)")
            }
            return .text(t)
        case .names(let what):
            let names: [String]
            do { names = try LocatedMapping.textList(value, what: name) } catch { throw ConfigurationError(error) }
            if what == "categories" {
                let allowed = FindingCategory.allCases.map(\.rawValue)
                for n in names where !allowed.contains(n) {
                    let hint = Suggest.closest(n, among: allowed).map { " (did you mean '\($0)'?)" } ?? ""
                    throw ConfigurationError(location: value.location, message: "\(name): unknown category '\(n)'\(hint); allowed: \(allowed.joined(separator: ", "))")
                }
            }
            return .list(names.sorted())
        case .parameter:
            guard case .scalar(let t, _, _) = value else { throw fail("is \(value.kindDescription)") }
            if let n = Double(t), n.isFinite { return .number(n) }
            return .text(t)
        }
    }
}

/// Every problem found in a configuration.
public struct ConfigurationErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [ConfigurationError]

    public init(_ errors: [ConfigurationError]) { self.errors = errors }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
