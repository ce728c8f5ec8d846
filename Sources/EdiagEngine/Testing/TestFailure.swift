import EdiagModel

/// One mismatch in a test: where the expectation was written, which rule and subject, and for
/// field checks the expected value (with its tolerance) next to what came out.
public struct TestFailure: Sendable, Equatable {
    /// `file:line` of the expectation (or the case file when there is no better place).
    public var location: String
    public var rule: String?
    public var subject: String?
    /// The field compared (`grade`, `tce`, …); nil for failures that are not a field comparison.
    public var field: String?
    public var expected: String?
    public var actual: String?
    /// The allowed difference for numeric fields, as written (`0.1`) or the default (relative 1e-6).
    public var tolerance: String?
    /// One sentence saying what went wrong (for field comparisons, the same facts as above).
    public var message: String

    public init(location: String, rule: String? = nil, subject: String? = nil, field: String? = nil,
                expected: String? = nil, actual: String? = nil, tolerance: String? = nil, message: String) {
        self.location = location
        self.rule = rule
        self.subject = subject
        self.field = field
        self.expected = expected
        self.actual = actual
        self.tolerance = tolerance
        self.message = message
    }
}

/// The result of one test: a case file, a rule example, a golden file or a metamorphic variant.
public struct PackTestResult: Sendable {
    public enum Status: String, Sendable { case passed, failed, skipped }

    /// What kind of test this was, for reports.
    public enum Kind: String, Sendable { case testCase = "case", example, golden }

    public var name: String
    public var file: String
    public var kind: Kind
    /// The plugin whose test this is (empty when unknown).
    public var pack: String
    public var status: Status
    /// For failures: one entry per mismatch.
    public var failures: [TestFailure]
    /// For skipped cases: why.
    public var reason: String?

    public init(name: String, file: String, kind: Kind = .testCase, pack: String = "", status: Status,
                failures: [TestFailure], reason: String? = nil) {
        self.name = name
        self.file = file
        self.kind = kind
        self.pack = pack
        self.status = status
        self.failures = failures
        self.reason = reason
    }
}
