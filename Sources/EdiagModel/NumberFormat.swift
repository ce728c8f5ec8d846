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
        // Built on ASCII bytes: this runs for every number in every message and report.
        let digits = Array(String(Int64(integerPart)).utf8)
        var out: [UInt8] = []
        out.reserveCapacity(digits.count + digits.count / 3 + decimals + 2)
        if r < 0 { out.append(UInt8(ascii: "-")) }
        for (i, digit) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(UInt8(ascii: ",")) }
            out.append(digit)
        }
        if decimals > 0 {
            // Digits from the rounded value, so binary drift never shows in the last digit.
            var scaled = 1.0
            for _ in 0..<decimals { scaled *= 10 }
            var fraction = Array(String(Int64(((magnitude - integerPart) * scaled).rounded(.toNearestOrAwayFromZero))).utf8)
            if fraction.count > decimals { fraction = Array(repeating: UInt8(ascii: "0"), count: decimals) }
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: decimals - fraction.count))
            out.append(contentsOf: fraction)
        }
        return String(decoding: out, as: UTF8.self)
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
