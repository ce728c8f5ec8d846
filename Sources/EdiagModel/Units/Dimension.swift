/// The physical dimension of a unit, as integer exponents over ediag's base quantities.
///
/// Standard coal equivalent (`kgce`) is a base of its own: converting an energy carrier to coal
/// equivalent depends on the carrier (GB/T 2589), so it is never a plain unit conversion.
public struct Dimension: Hashable, Sendable, CustomStringConvertible {
    /// Names of the bases, in the order of `exponents`.
    static let baseNames = [
        "energy", "mass", "length", "time", "money", "coal-equivalent", "pressure", "temperature",
        "apparent-power", "voltage", "current", "CO2",
    ]
    private var exponents: [Int8]

    public init() { exponents = Array(repeating: 0, count: Dimension.baseNames.count) }

    private static func base(_ index: Int) -> Dimension {
        var d = Dimension()
        d.exponents[index] = 1
        return d
    }

    public static let none = Dimension()
    public static let energy = base(0)
    public static let mass = base(1)
    public static let length = base(2)
    public static let time = base(3)
    public static let money = base(4)
    public static let coal = base(5)
    public static let pressure = base(6)
    public static let temperature = base(7)
    public static let apparentPower = base(8)
    public static let voltage = base(9)
    public static let current = base(10)
    public static let co2 = base(11)

    static func * (a: Dimension, b: Dimension) -> Dimension {
        var r = a
        for i in r.exponents.indices { r.exponents[i] += b.exponents[i] }
        return r
    }

    static func / (a: Dimension, b: Dimension) -> Dimension {
        var r = a
        for i in r.exponents.indices { r.exponents[i] -= b.exponents[i] }
        return r
    }

    func power(_ n: Int) -> Dimension {
        var r = self
        for i in r.exponents.indices { r.exponents[i] = exponents[i] * Int8(n) }
        return r
    }

    public var description: String {
        let parts = exponents.indices.compactMap { i -> String? in
            let e = exponents[i]
            return e == 0 ? nil : (e == 1 ? Dimension.baseNames[i] : "\(Dimension.baseNames[i])^\(e)")
        }
        return parts.isEmpty ? "dimensionless" : parts.joined(separator: "·")
    }
}
