public import EdiagModel

/// One problem `ediag lint` found: where, how serious, what, and how to fix it.
public struct LintMessage: Sendable, Equatable {
    public enum Severity: String, Sendable, Comparable {
        case error, warning

        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var location: SourceLocation
    public var severity: Severity
    /// A short stable name of the check (`missing-title`, `untested-rule`, …).
    public var check: String
    public var message: String
    /// What to change, in one sentence.
    public var hint: String

    public init(_ severity: Severity, _ check: String, at location: SourceLocation, _ message: String, hint: String) {
        self.location = location
        self.severity = severity
        self.check = check
        self.message = message
        self.hint = hint
    }

    /// `file:line: error: message [check]` and the hint on the next line.
    public var description: String {
        "\(location): \(severity.rawValue): \(message) [\(check)]\n    hint: \(hint)"
    }
}
