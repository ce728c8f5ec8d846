import EdiagModel

/// Phase two of reading a configuration: the names it uses (plugins, rules, parameters) must
/// exist, and each parameter value is converted to the parameter's declared unit and checked
/// against its bounds.
public enum ConfigurationChecker {
    /// Checks `configuration` against the plugins found and the rules they declare.
    /// - Returns: the configuration with parameter values in their declared units, or the problems.
    public static func check(_ configuration: EffectiveConfiguration, plugins: [String], rules: [RuleMetadata])
        -> Result<EffectiveConfiguration, ConfigurationErrors>
    {
        var errors: [ConfigurationError] = []
        var checked = configuration
        let ruleIDs = rules.map(\.id)
        func unknown(_ name: String, among known: [String], what: String, at location: SourceLocation, key: String) {
            let hint = Suggest.closest(name, among: known).map { " Did you mean '\($0)'?" }
                ?? (what == "rule" ? " (Rules of plugins that are turned off or refused are not loaded.)" : "")
            errors.append(ConfigurationError(location: location, message: "\(key): no \(what) '\(name)' is loaded.\(hint)"))
        }
        for key in [["plugins", "enable"], ["plugins", "disable"]] {
            guard let e = configuration.entry(key), case .list(let names) = e.value else { continue }
            for n in names where !plugins.contains(n) { unknown(n, among: plugins, what: "plugin", at: e.location, key: e.dottedKey) }
        }
        for e in configuration.entries(under: ["plugins", "limits"]) where e.key.count == 4 && !plugins.contains(e.key[2]) {
            unknown(e.key[2], among: plugins, what: "plugin", at: e.location, key: e.dottedKey)
        }
        for key in [["rules", "enable"], ["rules", "disable"]] {
            guard let e = configuration.entry(key), case .list(let names) = e.value else { continue }
            for n in names where !ruleIDs.contains(n) { unknown(n, among: ruleIDs, what: "rule", at: e.location, key: e.dottedKey) }
        }
        for e in configuration.entries(under: ["rules", "severity"]) where !ruleIDs.contains(e.key[2]) {
            unknown(e.key[2], among: ruleIDs, what: "rule", at: e.location, key: e.dottedKey)
        }
        for e in configuration.entries(under: ["parameters"]) where e.key.count == 3 {
            guard let rule = rules.first(where: { $0.id == e.key[1] }) else {
                unknown(e.key[1], among: ruleIDs, what: "rule", at: e.location, key: e.dottedKey)
                continue
            }
            guard let parameter = rule.parameters.first(where: { $0.name == e.key[2] }) else {
                let names = rule.parameters.map(\.name)
                let hint = Suggest.closest(e.key[2], among: names).map { " Did you mean '\($0)'?" } ?? ""
                errors.append(ConfigurationError(location: e.location,
                                                 message: "\(e.dottedKey): rule \(rule.id) has no parameter '\(e.key[2])'.\(hint) Its parameters: \(names.isEmpty ? "none" : names.joined(separator: ", "))."))
                continue
            }
            do {
                let value = try parameterValue(e, parameter: parameter)
                checked.replace(e.key, with: .number(value))
            } catch {
                errors.append(error)
            }
        }
        return errors.isEmpty ? .success(checked) : .failure(ConfigurationErrors(errors))
    }

    /// The value in the parameter's unit, within its bounds.
    static func parameterValue(_ e: ConfigEntry, parameter p: RuleParameter) throws(ConfigurationError) -> Double {
        let allowed = LocatedMapping.range(min: p.min, max: p.max, unit: p.unit)
        var value: Double
        switch e.value {
        case .number(let n): value = n
        case .text(let t):
            do {
                let q = try Quantity(parsing: t)
                value = try q.value(in: try Unit(p.unit))
            } catch {
                throw ConfigurationError(location: e.location,
                                         message: "\(e.dottedKey) = \(t) cannot be read in the parameter's unit \(p.unit) (\(error)); allowed: \(allowed)")
            }
        case .list:
            throw ConfigurationError(location: e.location, message: "\(e.dottedKey) must be a number; allowed: \(allowed)")
        }
        if (p.min.map { value < $0 } ?? false) || (p.max.map { value > $0 } ?? false) {
            throw ConfigurationError(location: e.location,
                                     message: "\(e.dottedKey) = \(NumberFormat.plain(value)) \(p.unit) is out of bounds; allowed: \(allowed)")
        }
        return value
    }
}
