import EdiagModel
import LuaSandbox

/// What a configuration value may be.
public enum ConfigKind: Sendable {
    /// A number within bounds, in a unit.
    case number(min: Double?, max: Double?, unit: String)
    /// One of these words.
    case choice([String])
    /// One of these words, or a number within bounds.
    case choiceOrNumber([String], min: Double?, max: Double?, unit: String)
    /// A list of names (plugins, rule ids, categories), checked where their universe is known.
    case names(of: String)
    /// A rule parameter: a number in the parameter's declared unit, or a quantity with a unit
    /// that converts to it (`27 kWh/t`); checked against the rule's bounds once rules are loaded.
    case parameter

    /// The allowed values, for messages and `docs/plugins.md`.
    public var allowed: String {
        switch self {
        case .number(let min, let max, let unit): return LocatedMapping.range(min: min, max: max, unit: unit)
        case .choice(let words): return words.joined(separator: ", ")
        case .choiceOrNumber(let words, let min, let max, let unit):
            return words.joined(separator: ", ") + ", or a number " + LocatedMapping.range(min: min, max: max, unit: unit)
        case .names(let what): return "a list of \(what)"
        case .parameter: return "a number in the parameter's unit (or a quantity such as '27 kWh/t'), within its bounds"
        }
    }
}

/// One place of the configuration tree.
public indirect enum ConfigNode: Sendable {
    /// Fixed keys.
    case section([(key: String, node: ConfigNode)])
    /// Keys named by the user (a carrier, a plugin, a rule), all of the same shape.
    case each(what: String, node: ConfigNode)
    /// A value, with its default (`nil`: unset unless given) and what it means.
    case leaf(ConfigKind, defaultValue: ConfigValue?, doc: String)
}

/// The shape of `ediag.yaml`: every key, its allowed values and default (see `docs/plugins.md`).
public enum ConfigurationSchema {
    static let limitKeys: ConfigNode = .section([
        ("memory_mb", .leaf(.number(min: 1, max: Double(LuaLimits.hostMaximum.memoryBytes >> 20), unit: "MiB"),
                            defaultValue: .number(Double(LuaLimits.ruleDefault.memoryBytes >> 20)),
                            doc: "Heap growth allowed per rule and plant.")),
        ("instructions", .leaf(.number(min: 100_000, max: Double(LuaLimits.hostMaximum.instructions), unit: ""),
                               defaultValue: .number(Double(LuaLimits.ruleDefault.instructions)),
                               doc: "Lua instructions allowed per rule and plant.")),
        ("seconds", .leaf(.number(min: 0.01, max: LuaLimits.hostMaximum.seconds, unit: "s"),
                          defaultValue: .number(LuaLimits.ruleDefault.seconds),
                          doc: "Wall-clock time allowed per rule and plant.")),
    ])

    /// The whole tree.
    public static let root: ConfigNode = .section([
        ("plugins", .section([
            ("enable", .leaf(.names(of: "plugin names"), defaultValue: nil,
                             doc: "Only these plugins run (default: every plugin found). A plugin's dependencies must be enabled too.")),
            ("disable", .leaf(.names(of: "plugin names"), defaultValue: .list([]), doc: "These plugins do not run.")),
            ("limits", .each(what: "plugin", node: limitKeys.withDocPrefix("For this plugin's rules (default: `limits.*`): ").withoutDefaults)),
        ])),
        ("rules", .section([
            ("enable", .leaf(.names(of: "rule ids"), defaultValue: nil, doc: "Only these rules run (default: every rule).")),
            ("disable", .leaf(.names(of: "rule ids"), defaultValue: .list([]), doc: "These rules do not run.")),
            ("severity", .each(what: "rule", node: .leaf(.choice(Severity.allCases.map(\.rawValue)), defaultValue: nil,
                                                          doc: "The severity of this rule's findings, replacing the rule's own."))),
        ])),
        ("categories", .section([
            ("enable", .leaf(.names(of: "categories"), defaultValue: nil, doc: "Only rules of these categories run (default: all).")),
            ("disable", .leaf(.names(of: "categories"), defaultValue: .list([]), doc: "Rules of these categories do not run.")),
        ])),
        ("parameters", .each(what: "rule", node: .each(what: "parameter", node: .leaf(.parameter, defaultValue: nil,
                                                                                      doc: "Replaces the parameter's default.")))),
        ("economics", .section([
            ("discount_rate", .leaf(.number(min: 0, max: 0.5, unit: "1"), defaultValue: .number(0.08),
                                    doc: "Real discount rate when the profile gives none, as a share or a percentage (`0.06`, `6 %`); default 8 % (NDRC/MOHURD 2006, 《建设项目经济评价方法与参数（第三版）》).")),
            ("grid_co2_factor", .leaf(.choiceOrNumber(["national", "regional", "provincial"], min: 0, max: 2, unit: "kgCO2/kWh"),
                                      defaultValue: .text("national"),
                                      doc: "national (0.5703, MEE enterprise accounting), regional (MEE/NBS 2022 factor of the plant's grid_region), provincial (a plugin's factor for the plant's province, else regional), or a value.")),
            ("carbon_price", .leaf(.number(min: 0, max: 10_000, unit: "yuan/tCO2"), defaultValue: nil,
                                   doc: "Carbon price when the profile gives none (default: a plugin's, else 0 = not valued).")),
            ("electricity_kgce_per_kwh", .leaf(.number(min: 0.1229, max: 0.404, unit: "kgce/kWh"), defaultValue: .number(0.1229),
                                               doc: "Electricity conversion: 0.1229 equivalent value (GB/T 2589-2020); set the equal-value factor (e.g. 0.30) instead if the assessment asks for it.")),
            ("prices", .each(what: "energy carrier", node: .leaf(.number(min: 0, max: 100_000, unit: "yuan per carrier unit"), defaultValue: nil,
                                                                  doc: "Price used when the profile gives none; wins over plugins' prices."))),
        ])),
        ("limits", limitKeys.withDocPrefix("For every rule: ")),
        ("output", .section([
            ("format", .leaf(.choice(["text", "json", "markdown", "html", "csv"]), defaultValue: .text("text"), doc: "Report format of `ediag diagnose`.")),
            ("language", .leaf(.choice(ReportLanguage.allCases.map(\.rawValue)), defaultValue: .text("zh"), doc: "Report language.")),
            ("ranking", .leaf(.choice(RankingKey.allCases.map(\.rawValue)), defaultValue: .text("payback"),
                              doc: "How measures are ranked after the mandatory items.")),
        ])),
    ])

    /// Every key as `(dotted key with <placeholders>, kind, default, doc)`, in schema order.
    public static var reference: [(key: String, kind: ConfigKind, defaultValue: ConfigValue?, doc: String)] {
        var out: [(String, ConfigKind, ConfigValue?, String)] = []
        func walk(_ node: ConfigNode, _ prefix: [String]) {
            switch node {
            case .section(let children): for c in children { walk(c.node, prefix + [c.key]) }
            case .each(let what, let child): walk(child, prefix + ["<\(what)>"])
            case .leaf(let kind, let d, let doc): out.append((prefix.joined(separator: "."), kind, d, doc))
            }
        }
        walk(root, [])
        return out
    }
}

extension ConfigNode {
    var withoutDefaults: ConfigNode {
        switch self {
        case .section(let children): return .section(children.map { ($0.key, $0.node.withoutDefaults) })
        case .each(let what, let node): return .each(what: what, node: node.withoutDefaults)
        case .leaf(let kind, _, let doc): return .leaf(kind, defaultValue: nil, doc: doc)
        }
    }

    func withDocPrefix(_ prefix: String) -> ConfigNode {
        switch self {
        case .section(let children): return .section(children.map { ($0.key, $0.node.withDocPrefix(prefix)) })
        case .each(let what, let node): return .each(what: what, node: node.withDocPrefix(prefix))
        case .leaf(let kind, let d, let doc): return .leaf(kind, defaultValue: d, doc: prefix + doc)
        }
    }
}
