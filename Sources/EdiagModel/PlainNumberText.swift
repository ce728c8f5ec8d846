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
        var count = 0
        if value < 0 {
            out[0] = UInt8(ascii: "-")
            count = 1
        }
        return count + writeDigits(UInt64(magnitude), to: out + count)
    }

    /// The decimal digits of `n` at `out`; returns their count.
    private static func writeDigits(_ n: UInt64, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var length = 1
        var rest = n
        while rest >= 10 {
            rest /= 10
            length += 1
        }
        rest = n
        var at = length
        repeat {
            at -= 1
            out[at] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while rest > 0
        return length
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
        // The decimal exponent e (10^e <= magnitude < 10^(e+1)); being one off only costs the fast path.
        var exponent = -3
        if magnitude >= 1 {
            exponent = 0
            while exponent < 14, magnitude >= exactPowerOfTen(exponent + 1) { exponent += 1 }
        } else if magnitude >= 0.1 {
            exponent = -1
        } else if magnitude >= 0.01 {
            exponent = -2
        }
        // 15 significant digits: k = magnitude · 10^decimals lies in [10^14, 10^15).
        var decimals = 14 - exponent
        let scaled = (magnitude * exactPowerOfTen(decimals)).rounded()
        guard scaled < 1e15, scaled / exactPowerOfTen(decimals) == magnitude else { return nil }
        var digits = UInt64(scaled)
        while decimals > 0, digits % 10 == 0 {
            digits /= 10
            decimals -= 1
        }
        guard decimals > 0 else { return nil }

        var count = 0
        if value < 0 {
            out[0] = UInt8(ascii: "-")
            count = 1
        }
        let scratch = out + 16  // room for 15 digits after the longest head ("-0.00")
        let length = writeDigits(digits, to: scratch)
        if length > decimals {
            let whole = length - decimals
            for i in 0..<whole { out[count + i] = scratch[i] }
            count += whole
            out[count] = UInt8(ascii: ".")
            count += 1
            for i in whole..<length { out[count + i - whole] = scratch[i] }
            return count + decimals
        }
        out[count] = UInt8(ascii: "0")
        out[count + 1] = UInt8(ascii: ".")
        count += 2
        for _ in 0..<(decimals - length) {
            out[count] = UInt8(ascii: "0")
            count += 1
        }
        for i in 0..<length { out[count + i] = scratch[i] }
        return count + length
    }
}
