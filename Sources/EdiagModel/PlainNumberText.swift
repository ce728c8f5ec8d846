/// `NumberFormat.plain` written straight into a byte buffer, for writers that put out thousands of
/// numbers (JSON documents, reports) and should not build a `String` for each.
extension NumberFormat {
    /// Bytes `writePlain` may write; the longest plain text is `-1.7976931348623157e+308` (24 bytes).
    public static let plainByteCapacity = 32

    /// Writes `plain(value)` as ASCII at `out`, which must have room for `plainByteCapacity` bytes.
    ///
    /// Integers below 10^15 and decimals between 10^-3 and 10^15 with at most 15 significant digits
    /// (every number ediag rounds for output) are written digit by digit; anything else goes through
    /// the standard library's shortest round-trip text, as `plain` always did.
    /// - Returns: The number of bytes written.
    public static func writePlain(_ value: Double, to out: UnsafeMutablePointer<UInt8>) -> Int {
        if value == 0 {  // also -0
            out[0] = UInt8(ascii: "0")
            return 1
        }
        let magnitude = value.magnitude
        if magnitude < 1e15 {  // false for NaN and the infinities
            if value == value.rounded() { return writeInteger(value, magnitude: magnitude, to: out) }
            if magnitude >= 1e-3, let count = writeShortDecimal(value, magnitude: magnitude, to: out) { return count }
        }
        let text = value.isFinite ? value.description : (value.isNaN ? "NaN" : (value > 0 ? "Infinity" : "-Infinity"))
        var count = 0
        for byte in text.utf8 {
            out[count] = byte
            count += 1
        }
        return count
    }

    /// 10^n for 0 <= n <= 22: every power of ten a `Double` holds exactly.
    static func exactPowerOfTen(_ n: Int) -> Double {
        switch n {
        case 0: 1
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        case 15: 1e15
        case 16: 1e16
        case 17: 1e17
        case 18: 1e18
        case 19: 1e19
        case 20: 1e20
        case 21: 1e21
        default: 1e22
        }
    }

    /// An integral `value` below 10^15 in magnitude, as `String(Int64(value))` writes it.
    private static func writeInteger(_ value: Double, magnitude: Double, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let digits = writeDigitsBackwards(UInt64(magnitude), endingAt: out + plainByteCapacity)
        var count = 0
        if value < 0 {
            out[0] = UInt8(ascii: "-")
            count = 1
        }
        for i in 0..<digits.count { out[count + i] = digits[i] }
        return count + digits.count
    }

    /// The decimal digits of `n` (at most 15 of them) written so that they end just before `end`, in
    /// the upper half of a `plainByteCapacity` buffer: the head of the text can then be written below
    /// them and the digits copied down after it.
    private static func writeDigitsBackwards(_ n: UInt64, endingAt end: UnsafeMutablePointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var at = end
        var rest = n
        repeat {
            at -= 1
            at.pointee = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while rest > 0
        return UnsafeBufferPointer(start: at, count: end - at)
    }

    /// A non-integral `value` with 10^-3 <= |value| < 10^15 whose shortest round-trip text has at most
    /// 15 significant digits, in the standard library's layout (`0.0125`, `-31.5`); `nil` for any other.
    ///
    /// Why this is the shortest round-trip text: `k / 10^d` (both exact in a `Double`, so the division is
    /// correctly rounded) equals `value` exactly when the decimal `k·10^-d` reads back as `value`. Two
    /// different decimals with at most 15 significant digits lie at least 10^-15 apart relative to
    /// their size, farther than the 2^-52 that separates neighbouring doubles, so no other decimal of
    /// 15 digits or fewer reads back as `value`: with its trailing zeros dropped, `k·10^-d` is the one
    /// the shortest round-trip algorithm finds.
    private static func writeShortDecimal(_ value: Double, magnitude: Double, to out: UnsafeMutablePointer<UInt8>) -> Int? {
        // The decimal exponent from the binary one (1233 / 4096 ≈ log10 2): exact or one too small.
        let exponent = (Int(magnitude.exponent) * 1233) >> 12
        // 15 significant digits: k = magnitude · 10^decimals lies in [10^14, 10^15).
        var decimals = 14 - exponent
        guard decimals >= 0, decimals <= 22 else { return nil }
        var scaled = magnitude * exactPowerOfTen(decimals)
        if scaled >= 1e15, decimals > 0 {
            decimals -= 1
            scaled = magnitude * exactPowerOfTen(decimals)
        }
        scaled = scaled.rounded()
        guard scaled < 1e15, scaled / exactPowerOfTen(decimals) == magnitude else { return nil }
        var k = UInt64(scaled)
        while decimals > 0, k % 10 == 0 {
            k /= 10
            decimals -= 1
        }
        guard decimals > 0 else { return nil }

        let digits = writeDigitsBackwards(k, endingAt: out + plainByteCapacity)
        let length = digits.count
        var count = 0
        if value < 0 {
            out[0] = UInt8(ascii: "-")
            count = 1
        }
        // The head written below the digits stays below where each is read from ("-0.000" is 6 bytes).
        if length > decimals {
            let whole = length - decimals
            for i in 0..<whole { out[count + i] = digits[i] }
            count += whole
            out[count] = UInt8(ascii: ".")
            count += 1
            for i in whole..<length { out[count + i - whole] = digits[i] }
            return count + decimals
        }
        out[count] = UInt8(ascii: "0")
        out[count + 1] = UInt8(ascii: ".")
        count += 2
        for _ in 0..<(decimals - length) {
            out[count] = UInt8(ascii: "0")
            count += 1
        }
        for i in 0..<length { out[count + i] = digits[i] }
        return count + length
    }
}
