public import EdiagModel
import LuaSandbox

/// A configuration value after parsing.
public enum ConfigValue: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case text(String)
    case list([String])

    /// The canonical text: one number format, lists in brackets.
    public var description: String {
        switch self {
        case .number(let n): return NumberFormat.plain(n)
        case .text(let t): return t
        case .list(let items): return "[" + items.joined(separator: ", ") + "]"
        }
    }
}

/// Where a configuration value came from.
public enum ConfigOrigin: Sendable, Equatable, CustomStringConvertible {
    /// ediag's built-in default.
    case builtIn
    /// A configuration file, at this place.
    case file(SourceLocation)
    /// The command line (the option that set it).
    case commandLine(String)

    public var description: String {
        switch self {
        case .builtIn: return "default"
        case .file(let l): return l.description
        case .commandLine(let option): return "command line (\(option))"
        }
    }
}

/// One configuration value with its key and origin.
public struct ConfigEntry: Sendable, Equatable {
    /// Key path, e.g. `["parameters", "cement.grinding-upgrade", "target_power"]`.
    public var key: [String]
    public var value: ConfigValue
    public var origin: ConfigOrigin
    /// Where the value itself was written (for errors found later, e.g. an unknown rule).
    public var location: SourceLocation

    public var dottedKey: String { key.joined(separator: ".") }
}

/// A problem with the configuration: file (or command-line option), line, and what is allowed.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }

    init(_ error: PackError) {
        self.init(location: error.location, message: error.message)
    }

    public var description: String { "\(location): \(message)" }
}

/// The configuration in effect: every key with its value and origin (built-in defaults included),
/// later sources replacing earlier ones (defaults, then the file, then the command line).
public struct EffectiveConfiguration: Sendable {
    /// Sorted by dotted key.
    public private(set) var entries: [ConfigEntry]

    init(entries: [ConfigEntry]) {
        var byKey: [String: ConfigEntry] = [:]
        for e in entries { byKey[e.dottedKey] = e }
        self.entries = byKey.values.sorted { Array($0.dottedKey.utf8).lexicographicallyPrecedes(Array($1.dottedKey.utf8)) }
    }

    /// The value of a key, if set.
    public func value(_ key: String...) -> ConfigValue? { entry(key)?.value }

    public func entry(_ key: [String]) -> ConfigEntry? { entries.first { $0.key == key } }

    /// Entries under a key prefix.
    public func entries(under prefix: [String]) -> [ConfigEntry] {
        entries.filter { $0.key.count > prefix.count && Array($0.key.prefix(prefix.count)) == prefix }
    }

    mutating func replace(_ key: [String], with value: ConfigValue) {
        if let i = entries.firstIndex(where: { $0.key == key }) { entries[i].value = value }
    }

    /// The canonical text hashed into `configurationHash`: one `key = value` line per entry, in
    /// byte order of the keys, values in the one number format (parameters in their declared unit).
    public var canonicalText: String {
        entries.map { "\($0.dottedKey) = \($0.value)\n" }.joined()
    }

    /// `sha256:` and the SHA-256 of `canonicalText`.
    public var hash: String { "sha256:" + SHA256.hex(Array(canonicalText.utf8)) }

    /// The runtime options this configuration sets (rule parameters as checked by
    /// `ConfigurationChecker`, which converts them to each parameter's unit).
    public var runtimeOptions: RuntimeOptions {
        var o = RuntimeOptions()
        func number(_ key: String...) -> Double? { if case .number(let n)? = entry(key)?.value { return n } else { return nil } }
        func text(_ key: String...) -> String? { if case .text(let t)? = entry(key)?.value { return t } else { return nil } }
        func list(_ key: String...) -> [String]? { if case .list(let l)? = entry(key)?.value { return l } else { return nil } }
        func limits(_ prefix: [String], base: LuaLimits) -> LuaLimits {
            var l = base
            if case .number(let m)? = entry(prefix + ["memory_mb"])?.value { l.memoryBytes = Int(m * 1_048_576) }
            if case .number(let i)? = entry(prefix + ["instructions"])?.value { l.instructions = Int(i) }
            if case .number(let s)? = entry(prefix + ["seconds"])?.value { l.seconds = s }
            return l.capped(by: .hostMaximum)
        }
        o.limits = limits(["limits"], base: .ruleDefault)
        for e in entries(under: ["plugins", "limits"]) where e.key.count == 4 {
            o.pluginLimits[e.key[2]] = limits(["plugins", "limits", e.key[2]], base: o.limits)
        }
        if let r = number("economics", "discount_rate") { o.economics.defaultDiscountRate = r }
        if let k = number("economics", "electricity_kgce_per_kwh") { o.economics.electricityKgcePerKWh = k }
        o.economics.carbonPrice = number("economics", "carbon_price")
        switch entry(["economics", "grid_co2_factor"])?.value {
        case .number(let f)?: o.economics.gridFactor = .fixed(f)
        case .text("regional")?: o.economics.gridFactor = .regional
        case .text("provincial")?: o.economics.gridFactor = .provincial
        default: o.economics.gridFactor = .national
        }
        for e in entries(under: ["economics", "prices"]) { if case .number(let p) = e.value { o.economics.defaultPrices[e.key[2]] = p } }
        if let r = text("output", "ranking"), let key = RankingKey(rawValue: r) { o.ranking = key }
        o.disabledRules = Set(list("rules", "disable") ?? [])
        o.enabledRules = list("rules", "enable").map(Set.init)
        o.disabledCategories = Set((list("categories", "disable") ?? []).compactMap(FindingCategory.init(rawValue:)))
        o.enabledCategories = list("categories", "enable").map { Set($0.compactMap(FindingCategory.init(rawValue:))) }
        for e in entries(under: ["rules", "severity"]) {
            if case .text(let s) = e.value, let severity = Severity(rawValue: s) { o.severityOverrides[e.key[2]] = severity }
        }
        for e in entries(under: ["parameters"]) where e.key.count == 3 {
            if case .number(let n) = e.value { o.parameterOverrides[e.key[1], default: [:]][e.key[2]] = n }
        }
        return o
    }

    /// Plugin selection: `plugins.enable` (nil: all) and `plugins.disable`.
    public var enabledPlugins: [String]? { if case .list(let l)? = entry(["plugins", "enable"])?.value { return l } else { return nil } }
    public var disabledPlugins: [String] { if case .list(let l)? = entry(["plugins", "disable"])?.value { return l } else { return [] } }

    /// `output.format` and `output.language`, for the commands that write reports.
    public var outputFormat: String { if case .text(let t)? = entry(["output", "format"])?.value { return t } else { return "text" } }
    public var language: ReportLanguage {
        if case .text(let t)? = entry(["output", "language"])?.value, let l = ReportLanguage(rawValue: t) { return l }
        return .zh
    }
}
