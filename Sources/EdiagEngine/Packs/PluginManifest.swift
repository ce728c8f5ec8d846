public import EdiagModel

/// A plugin's manifest (`plugin.yaml`): who it is, which rule API it needs, what it depends on.
///
/// Every sector pack under `rules/` and every extension under `plugins/` has one.
public struct PluginManifest: Sendable, Equatable {
    public var name: String
    public var version: SemanticVersion
    /// The rule API versions it works with, e.g. `>=1.0 <2`.
    public var apiRange: VersionRange
    public var description: LocalizedText
    public var sectors: [String]
    public var authors: [String]
    public var license: String?
    /// Other plugins it needs, with version ranges.
    public var dependencies: [(name: String, range: VersionRange)]

    public static func == (a: PluginManifest, b: PluginManifest) -> Bool {
        a.name == b.name && a.version == b.version && a.description == b.description && a.sectors == b.sectors
            && a.authors == b.authors && a.license == b.license
            && a.dependencies.map(\.name) == b.dependencies.map(\.name)
    }

    /// Reads and checks a manifest document.
    /// - Throws: `PackError` naming the file, line and field.
    public static func decode(_ source: SourceValue, file: String) throws(PackError) -> PluginManifest {
        guard case .mapping(let pairs, _) = source else {
            throw PackError(location: source.location, message: "a plugin manifest is a mapping")
        }
        let known: Set<String> = ["name", "version", "api", "description", "sectors", "authors", "license", "depends", "provides"]
        for pair in pairs where !known.contains(pair.key) {
            throw PackError(location: pair.keyLocation, message: "unknown manifest field '\(pair.key)'; known: \(known.sorted().joined(separator: ", "))")
        }
        func field(_ key: String) -> SourceValue? { pairs.first { $0.key == key }?.value }
        func requiredText(_ key: String) throws(PackError) -> String {
            guard let v = field(key), case .scalar(let t, _, _) = v, !t.isEmpty else {
                throw PackError(location: field(key)?.location ?? source.location, message: "manifest field '\(key)' is required (text)")
            }
            return t
        }
        let name = try requiredText("name")
        guard name.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw PackError(location: field("name")!.location, message: "plugin name '\(name)' may use only lower-case letters, digits, '-' and '_'")
        }
        let versionText = try requiredText("version")
        guard let version = SemanticVersion(versionText) else {
            throw PackError(location: field("version")!.location, message: "version '\(versionText)' is not a semantic version (e.g. 1.2.0)")
        }
        let apiText = try requiredText("api")
        guard let api = VersionRange(apiText) else {
            throw PackError(location: field("api")!.location, message: "api '\(apiText)' is not a version range (e.g. '>=1.0 <2')")
        }
        var description = LocalizedText(zh: "", en: "")
        if case .mapping(let d, _)? = field("description") {
            for p in d {
                if case .scalar(let t, _, _) = p.value {
                    if p.key == "zh" { description.zh = t } else if p.key == "en" { description.en = t }
                }
            }
        }
        guard !description.zh.isEmpty, !description.en.isEmpty else {
            throw PackError(location: field("description")?.location ?? source.location,
                            message: "manifest field 'description' needs both zh and en")
        }
        func textList(_ key: String) -> [String] {
            guard case .sequence(let items, _)? = field(key) else { return [] }
            return items.compactMap { if case .scalar(let t, _, _) = $0 { return t } else { return nil } }
        }
        var dependencies: [(String, VersionRange)] = []
        if case .mapping(let deps, _)? = field("depends") {
            for dep in deps {
                guard case .scalar(let r, _, _) = dep.value, let range = VersionRange(r) else {
                    throw PackError(location: dep.value.location, message: "dependency '\(dep.key)' needs a version range, e.g. '>=1.0 <2'")
                }
                dependencies.append((dep.key, range))
            }
        }
        var license: String?
        if case .scalar(let l, _, _)? = field("license") { license = l }
        return PluginManifest(name: name, version: version, apiRange: api, description: description,
                              sectors: textList("sectors"), authors: textList("authors"), license: license,
                              dependencies: dependencies)
    }
}

/// A semantic version `major.minor.patch` (pre-release tags are kept but not ordered).
public struct SemanticVersion: Sendable, Comparable, Hashable, CustomStringConvertible {
    public var major: Int, minor: Int, patch: Int

    public init(major: Int, minor: Int, patch: Int) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    public init?(_ text: String) {
        let core = text.split(separator: "-", maxSplits: 1).first.map(String.init) ?? text
        let parts = core.split(separator: ".").map { Int($0) }
        guard (1...3).contains(parts.count), parts.allSatisfy({ $0 != nil && $0! >= 0 }) else { return nil }
        major = parts[0]!
        minor = parts.count > 1 ? parts[1]! : 0
        patch = parts.count > 2 ? parts[2]! : 0
    }

    public static func < (a: SemanticVersion, b: SemanticVersion) -> Bool {
        (a.major, a.minor, a.patch) < (b.major, b.minor, b.patch)
    }

    public var description: String { "\(major).\(minor).\(patch)" }
}

/// A version range such as `>=1.0 <2`, `^1.2`, `1.x` or `*`.
public struct VersionRange: Sendable, CustomStringConvertible {
    public var text: String
    private var lower: SemanticVersion?
    private var lowerInclusive = true
    private var upper: SemanticVersion?

    public init?(_ text: String) {
        self.text = text
        let trimmed = text.split(separator: " ").map(String.init)
        if trimmed == ["*"] { return }
        for part in trimmed {
            if part.hasPrefix(">=") { guard let v = SemanticVersion(String(part.dropFirst(2))) else { return nil }; lower = v }
            else if part.hasPrefix(">") { guard let v = SemanticVersion(String(part.dropFirst(1))) else { return nil }; lower = v; lowerInclusive = false }
            else if part.hasPrefix("<") { guard let v = SemanticVersion(String(part.dropFirst(1))) else { return nil }; upper = v }
            else if part.hasPrefix("^") {
                guard let v = SemanticVersion(String(part.dropFirst(1))) else { return nil }
                lower = v
                upper = SemanticVersion(major: v.major + 1, minor: 0, patch: 0)
            } else if part.hasSuffix(".x"), let major = Int(part.dropLast(2)) {
                lower = SemanticVersion(major: major, minor: 0, patch: 0)
                upper = SemanticVersion(major: major + 1, minor: 0, patch: 0)
            } else if let v = SemanticVersion(part) {
                lower = v
                upper = SemanticVersion(major: v.major, minor: v.minor, patch: v.patch + 1)
            } else { return nil }
        }
    }

    public func contains(_ version: SemanticVersion) -> Bool {
        if let lower { if lowerInclusive ? version < lower : version <= lower { return false } }
        if let upper, version >= upper { return false }
        return true
    }

    public var description: String { text }
}
