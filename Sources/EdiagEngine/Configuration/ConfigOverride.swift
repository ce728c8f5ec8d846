import EdiagModel
import Foundation

/// One `--set KEY=VALUE` (or a dedicated option such as `--rank`) given on the command line.
public struct ConfigOverride: Sendable, Equatable {
    /// Dotted key, e.g. `economics.discount_rate` or `parameters.cement.grinding-upgrade.target_power`.
    public var key: String
    /// The value as YAML text (`0.06`, `regional`, `[a, b]`, `27 kWh/t`).
    public var value: String
    /// The option that set it, shown as the value's origin.
    public var option: String

    public init(key: String, value: String, option: String = "--set") {
        self.key = key
        self.value = value
        self.option = option
    }

    /// Reads `KEY=VALUE`.
    public init?(assignment: String) {
        guard let eq = assignment.firstIndex(of: "="), eq != assignment.startIndex else { return nil }
        self.init(key: String(assignment[..<eq]).trimmingCharacters(in: .whitespaces),
                  value: String(assignment[assignment.index(after: eq)...]).trimmingCharacters(in: .whitespaces))
    }
}

extension ConfigurationLoader {
    /// Splits a dotted command-line key along the schema: rule ids may contain dots.
    static func split(_ dotted: String, location: SourceLocation) throws(ConfigurationError) -> [String] {
        let parts = dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var out: [String] = []
        var node = ConfigurationSchema.root
        var i = 0
        while i < parts.count {
            switch node {
            case .section(let children):
                guard let child = children.first(where: { $0.key == parts[i] }) else {
                    let known = children.map(\.key)
                    let hint = Suggest.closest(parts[i], among: known).map { " Did you mean '\($0)'?" } ?? ""
                    throw ConfigurationError(location: location, message: "unknown key '\((out + [parts[i]]).joined(separator: "."))'.\(hint) Allowed here: \(known.joined(separator: ", ")).")
                }
                out.append(parts[i])
                node = child.node
                i += 1
            case .each(_, let child):
                // A named key takes every remaining component its children do not need.
                let needed = child.depth
                let take = max(1, parts.count - i - needed)
                out.append(parts[i..<(i + take)].joined(separator: "."))
                i += take
                node = child
            case .leaf:
                throw ConfigurationError(location: location, message: "'\(out.joined(separator: "."))' takes a value; it has no key '\(parts[i...].joined(separator: "."))'")
            }
        }
        guard case .leaf = node else {
            throw ConfigurationError(location: location, message: "'\(dotted)' is a section; give one of its keys, e.g. '\(dotted).\(node.firstKey)'")
        }
        return out
    }
}

extension ConfigNode {
    /// How many key components below this node lead to a value (section: 1 + child, leaf: 0).
    var depth: Int {
        switch self {
        case .section(let children): return 1 + (children.first?.node.depth ?? 0)
        case .each(_, let child): return 1 + child.depth
        case .leaf: return 0
        }
    }

    var firstKey: String {
        switch self {
        case .section(let children): return children.first?.key ?? ""
        case .each(let what, _): return "<\(what)>"
        case .leaf: return ""
        }
    }
}
