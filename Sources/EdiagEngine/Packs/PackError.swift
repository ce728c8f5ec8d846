public import EdiagModel

/// A problem loading a pack: its manifest, a data table, or a rule file.
public struct PackError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String
    /// The rule it concerns, when known.
    public var ruleID: String?

    public init(location: SourceLocation, message: String, ruleID: String? = nil) {
        self.location = location
        self.message = message
        self.ruleID = ruleID
    }

    public var description: String {
        "\(location): \(ruleID.map { "rule \($0): " } ?? "")\(message)"
    }
}
