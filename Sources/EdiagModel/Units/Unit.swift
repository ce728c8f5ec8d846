import Foundation

/// A parsed unit: a scale to the base units of its dimension.
///
/// `Unit("kgce/t")`, `Unit("kW/(m3/min)")`, `Unit("10^4 m3")` and `Unit("yuan/kWh")` all parse;
/// temperatures (`°C`, `K`) convert with their offset when they stand alone.
public struct Unit: Hashable, Sendable, CustomStringConvertible {
    /// The unit as written (normalised whitespace).
    public let symbol: String
    /// The dimension of the unit.
    public let dimension: Dimension
    /// Multiply a value in this unit by `scale` to get base units.
    public let scale: Double
    /// Added after scaling (only for `°C`).
    public let offset: Double

    public var description: String { symbol }

    /// Parses a unit expression.
    /// - Throws: `UnitError.unknownUnit` naming the part that is not known.
    public init(_ text: String) throws(UnitError) {
        if let known = UnitCache.shared.lookup(text) {
            self = known
            return
        }
        var parser = UnitParser(text: text)
        let parsed = try parser.parseWhole()
        self.symbol = text.trimmingWhitespace()
        self.dimension = parsed.dimension
        self.scale = parsed.scale
        self.offset = parsed.offset
        UnitCache.shared.store(text, self)
    }

    init(symbol: String, dimension: Dimension, scale: Double, offset: Double = 0) {
        self.symbol = symbol
        self.dimension = dimension
        self.scale = scale
        self.offset = offset
    }

    /// Converts `value` in this unit to `target`.
    /// - Throws: `UnitError.incompatible` when the dimensions differ.
    public func convert(_ value: Double, to target: Unit) throws(UnitError) -> Double {
        guard dimension == target.dimension else {
            throw .incompatible(from: symbol, to: target.symbol, fromDimension: dimension, toDimension: target.dimension)
        }
        let base = value * scale + offset
        return (base - target.offset) / target.scale
    }
}

/// Why a unit or quantity could not be read.
public enum UnitError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownUnit(String, in: String)
    case malformed(String, reason: String)
    case incompatible(from: String, to: String, fromDimension: Dimension, toDimension: Dimension)

    public var description: String {
        // A unit is a few characters; a longer text is quoted by its start, so that a pasted cell or a
        // hostile value cannot make the message itself huge.
        func quoted(_ text: String) -> String { text.count <= 80 ? text : "\(text.prefix(60))… (\(text.count) characters)" }
        switch self {
        case .unknownUnit(let part, let whole):
            return part == whole ? "unknown unit '\(quoted(part))'" : "unknown unit '\(quoted(part))' in '\(quoted(whole))'"
        case .malformed(let text, let reason):
            return "cannot read unit '\(quoted(text))': \(reason)"
        case .incompatible(let from, let to, let fd, let td):
            return "unit '\(quoted(from))' (\(fd)) cannot be converted to '\(quoted(to))' (\(td))"
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

/// Units already parsed, by the text they were written as: a profile names the same few units
/// hundreds of times, and a batch reads thousands of profiles. Shared by all threads; bounded so
/// that odd input cannot grow it without limit.
///
/// Guarded by a pthread mutex (`NSLock`), which the thread sanitizer understands.
final class UnitCache: @unchecked Sendable {
    static let shared = UnitCache()
    private static let capacity = 4096
    private let lock = NSLock()
    private var units: [String: Unit] = [:]

    func lookup(_ text: String) -> Unit? {
        lock.lock()
        defer { lock.unlock() }
        return units[text]
    }

    func store(_ text: String, _ unit: Unit) {
        lock.lock()
        defer { lock.unlock() }
        if units.count < Self.capacity { units[text] = unit }
    }
}
