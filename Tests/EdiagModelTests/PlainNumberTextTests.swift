import EdiagModel
import Testing

/// `plain` as it was written before the byte writer: the text every output's bytes depend on.
private func referencePlain(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "Infinity" : "-Infinity") }
    if value == 0 { return "0" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
}

/// `rounded` as it was written before the table of powers of ten.
private func referenceRounded(_ value: Double, decimals: Int) -> Double {
    guard value.isFinite else { return value }
    let decimals = min(max(decimals, -400), 400)
    var factor = 1.0
    for _ in 0..<abs(decimals) { factor *= 10 }
    if decimals >= 0 {
        let scaled = value * factor
        guard scaled.isFinite else { return value }
        let r = scaled.rounded(.toNearestOrAwayFromZero) / factor
        return r == 0 ? 0 : r
    }
    guard factor.isFinite else { return 0 }
    let r = (value / factor).rounded(.toNearestOrAwayFromZero) * factor
    return r == 0 ? 0 : r
}

/// A fixed-seed generator, so that a failure names a value that can be reproduced.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Values where the formats switch or digits run out, with their neighbours one step either side.
private let edgeValues: [Double] = {
    var values: [Double] = [
        0, -0.0, 1, -1, 0.5, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 0.001, 0.0001, 0.00012345, 9.999e-5, 1e-5,
        0.07608, 1.225, 152283.8659, 37.02328401, 0.2617242621, 999.9999999999999, 9.999999999, 99.5,
        1e15, -1e15, 1e15 - 1, 1e15 + 2, 1.5e15, 123456789012345.6, 4503599627370495.5, 9007199254740992,
        1e16, 2e16, 1e22, 1e23, 1.7976931348623157e308, -1.7976931348623157e308, 5e-324, 2.2250738585072014e-308,
        0.1 + 0.2, 1234567.1234567, 0.30000000000000004, 12345678901234.5, 1.23456789012345e-3,
        .nan, -.nan, .infinity, -.infinity, .ulpOfOne, .pi, -.pi,
    ]
    var power = 1e-6
    for _ in 0..<40 {
        values += [power, power.nextUp, power.nextDown, -power, 5 * power, 9.5 * power]
        power *= 10
    }
    return values
}()

struct PlainNumberTextTests {
    /// The byte writer gives `plain`'s old text for the edge cases: -0, 10^15 and beyond, tiny and
    /// subnormal values, 17-digit values, NaN and the infinities.
    @Test func edgeCasesKeepTheirText() {
        for value in edgeValues {
            #expect(NumberFormat.plain(value) == referencePlain(value), "\(value.bitPattern)")
        }
        #expect(NumberFormat.plain(-0.0) == "0")
        #expect(NumberFormat.plain(1e15) == "1000000000000000.0")
        #expect(NumberFormat.plain(0.00001) == "1e-05")
        #expect(NumberFormat.plain(-0.0125) == "-0.0125")
        #expect(NumberFormat.plain(.nan) == "NaN")
    }

    /// Over half a million seeded values of every shape (random bits, short decimals at every scale,
    /// values rounded to 10 significant digits as JSON writes them) the text is the old one.
    @Test func randomValuesKeepTheirText() {
        var random = SplitMix(state: 7)
        var mismatches: [Double] = []
        func check(_ value: Double) {
            if NumberFormat.plain(value) != referencePlain(value), mismatches.count < 10 { mismatches.append(value) }
        }
        for _ in 0..<100_000 {
            let bits = Double(bitPattern: random.next())
            check(bits)
            // A decimal of 1–17 significant digits between 10^-8 and 10^17.
            let digits = Double(UInt64.random(in: 1...99_999_999_999_999_999, using: &random))
            let scale = Double.random(in: -25...17, using: &random).rounded()
            let decimal = digits * pow10(scale) * (Bool.random(using: &random) ? 1 : -1)
            check(decimal)
            check(NumberFormat.significant(decimal, digits: 10))
            let uniform = Double.random(in: -1e6...1e6, using: &random)
            check(uniform)
            check(NumberFormat.significant(uniform, digits: 10))
            check(NumberFormat.significant(uniform / 1e5, digits: 6))
        }
        #expect(mismatches.isEmpty, "\(mismatches.map(\.bitPattern))")
    }

    /// The table of powers of ten rounds exactly as the repeated products did, for every decimal count.
    @Test func roundingIsUnchanged() {
        var random = SplitMix(state: 11)
        for value in edgeValues + (0..<5_000).map({ _ in Double.random(in: -1e9...1e9, using: &random) }) {
            for decimals in [-400, -30, -23, -22, -21, -10, -3, -1, 0, 1, 2, 5, 9, 10, 15, 21, 22, 23, 30, 400] {
                let new = NumberFormat.rounded(value, decimals: decimals), old = referenceRounded(value, decimals: decimals)
                #expect(new.bitPattern == old.bitPattern || (new.isNaN && old.isNaN), "\(value) to \(decimals)")
            }
        }
    }

    private func pow10(_ exponent: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(exponent.magnitude) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }
}
