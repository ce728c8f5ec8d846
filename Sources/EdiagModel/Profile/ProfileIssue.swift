/// One problem found in a profile, located as precisely as the format allows.
public struct ProfileIssue: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var location: SourceLocation
    /// The field path, e.g. `equipment[2].efficiency`.
    public var path: String
    /// What is wrong and what was expected.
    public var message: String

    public init(_ severity: Severity, _ location: SourceLocation, path: String, _ message: String) {
        self.severity = severity
        self.location = location
        self.path = path
        self.message = message
    }

    public var description: String {
        "\(location): \(severity.rawValue): \(path.isEmpty ? "" : "\(path): ")\(message)"
    }
}

/// A profile that cannot be diagnosed: the file could not be read or has errors.
public struct ProfileError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var issues: [ProfileIssue]

    public init(file: String, issues: [ProfileIssue]) {
        self.file = file
        self.issues = issues
    }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
