/// A small seeded pseudo-random generator (SplitMix64), so that generated plants are the same on
/// every machine and every run for a given seed.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in `range`, from the top 53 bits (the same on every platform).
    public mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        let unit = Double(next() >> 11) / Double(1 << 53)
        return range.lowerBound + unit * (range.upperBound - range.lowerBound)
    }

    /// A uniform integer in `range`.
    public mutating func integer(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound + 1)
        return range.lowerBound + Int(next() % width)
    }

    /// A log-uniform factor between `low` and `high` (plant sizes spread over orders of magnitude).
    public mutating func logUniform(_ low: Double, _ high: Double) -> Double {
        let a = low.squareRoot().squareRoot(), b = high.squareRoot().squareRoot()
        let x = uniform(a...b)
        return x * x * x * x
    }
}
