/// The one way ediag writes numbers, so that outputs are byte-identical across runs and machines.
public enum NumberFormat {
    /// Shortest round-trip text for finite numbers; integers without a fraction; `-0` as `0`.
    /// Non-finite numbers are written `NaN`, `Infinity` and `-Infinity`.
    public static func plain(_ value: Double) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: plainByteCapacity) { buffer in
            let start = buffer.baseAddress!
            return String(decoding: UnsafeBufferPointer(start: start, count: writePlain(value, to: start)), as: UTF8.self)
        }
    }

    /// Rounds to `digits` significant digits, then writes as `plain` (for reports and JSON).
    public static func significant(_ value: Double, digits: Int = 6) -> Double {
        guard value.isFinite, value != 0 else { return value == 0 ? 0 : value }
        let magnitude = Int((abs(value)).log10Floor())
        let decimals = digits - 1 - magnitude
        return rounded(value, decimals: decimals)
    }

    /// Rounds half away from zero to `decimals` places (negative `decimals` rounds to tens, hundreds…).
    public static func rounded(_ value: Double, decimals: Int) -> Double {
        guard value.isFinite else { return value }
        // Doubles span 10^±324: a larger request changes nothing, and the bound keeps the loop short.
        let decimals = min(max(decimals, -400), 400)
        // Up to 10^22 the powers are exact, as the repeated products are.
        var factor = 1.0
        if abs(decimals) <= 22 {
            factor = exactPowerOfTen(abs(decimals))
        } else {
            for _ in 0..<abs(decimals) { factor *= 10 }
        }
        if decimals >= 0 {
            // More decimals than the value holds: nothing to round.
            let scaled = value * factor
            guard scaled.isFinite else { return value }
            let r = scaled.rounded(.toNearestOrAwayFromZero) / factor
            return r == 0 ? 0 : r
        }
        guard factor.isFinite else { return 0 }
        let r = (value / factor).rounded(.toNearestOrAwayFromZero) * factor
        return r == 0 ? 0 : r
    }

    /// Fixed decimals with thousands separators for terminals and reports, e.g. `12,345.6`.
    public static func grouped(_ value: Double, decimals: Int) -> String {
        // At most 9 decimals (more is noise in a Double, and would overflow the fraction's Int64).
        let decimals = min(max(decimals, 0), 9)
        // Beyond 10^15 digits are not exact in a Double anyway (and would overflow Int64): write it plainly.
        guard value.isFinite, abs(value) < 1e15 else { return plain(value) }
        let r = rounded(value, decimals: decimals)
        let magnitude = abs(r)
        let integerPart = magnitude.rounded(.towardZero)
        var fraction: UInt64 = 0
        if decimals > 0 {
            // Digits from the rounded value, so binary drift never shows in the last digit.
            var scaled = 1.0
            for _ in 0..<decimals { scaled *= 10 }
            fraction = UInt64(((magnitude - integerPart) * scaled).rounded(.toNearestOrAwayFromZero))
            // A fraction that rounds up to a whole unit shows as zeros (the integer part stays).
            if fraction >= UInt64(scaled) { fraction = 0 }
        }
        // Written as ASCII bytes straight into the string: this runs for every number in every
        // message and report. At most 16 digits, 5 separators, a sign, a point and 9 decimals.
        return String(unsafeUninitializedCapacity: 40) { buffer in
            var integer = UInt64(integerPart)
            var digits = 1
            var rest = integer
            while rest >= 10 { rest /= 10; digits += 1 }
            var length = (r < 0 ? 1 : 0) + digits + (digits - 1) / 3
            if decimals > 0 { length += 1 + decimals }
            var i = length
            if decimals > 0 {
                for _ in 0..<decimals {
                    i -= 1
                    buffer[i] = UInt8(ascii: "0") + UInt8(fraction % 10)
                    fraction /= 10
                }
                i -= 1
                buffer[i] = UInt8(ascii: ".")
            }
            for written in 0..<digits {
                if written > 0, written % 3 == 0 {
                    i -= 1
                    buffer[i] = UInt8(ascii: ",")
                }
                i -= 1
                buffer[i] = UInt8(ascii: "0") + UInt8(integer % 10)
                integer /= 10
            }
            if r < 0 { buffer[0] = UInt8(ascii: "-") }
            return length
        }
    }
}

extension Double {
    func log10Floor() -> Double {
        var v = self
        var e = 0.0
        while v >= 10 { v /= 10; e += 1 }
        while v < 1 { v *= 10; e -= 1 }
        return e
    }
}
