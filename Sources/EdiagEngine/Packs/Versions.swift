// Semantic versions and version ranges for plugin manifests and the rule API.

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
