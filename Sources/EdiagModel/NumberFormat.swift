/// The one way ediag writes numbers, so that outputs are byte-identical across runs and machines.
public enum NumberFormat {
    /// Shortest round-trip text for finite numbers; integers without a fraction; `-0` as `0`.
    public static func plain(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "Infinity" : "-Infinity") }
        if value == 0 { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
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
        var factor = 1.0
        for _ in 0..<abs(decimals) { factor *= 10 }
        if decimals >= 0 {
            let r = (value * factor).rounded(.toNearestOrAwayFromZero) / factor
            return r == 0 ? 0 : r
        }
        let r = (value / factor).rounded(.toNearestOrAwayFromZero) * factor
        return r == 0 ? 0 : r
    }

    /// Fixed decimals with thousands separators for terminals and reports, e.g. `12,345.6`.
    public static func grouped(_ value: Double, decimals: Int) -> String {
        // Beyond 10^15 digits are not exact in a Double anyway (and would overflow Int64): write it plainly.
        guard value.isFinite, abs(value) < 1e15 else { return plain(value) }
        let r = rounded(value, decimals: decimals)
        let negative = r < 0
        let magnitude = abs(r)
        let integerPart = magnitude.rounded(.towardZero)
        var digits = String(Int64(integerPart))
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + String(digits.suffix(3)) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        if decimals > 0 {
            // Digits from the rounded value, so binary drift never shows in the last digit.
            var scaled = 1.0
            for _ in 0..<decimals { scaled *= 10 }
            let fractionInt = Int64(((magnitude - integerPart) * scaled).rounded(.toNearestOrAwayFromZero))
            var text = String(fractionInt)
            while text.count < decimals { text = "0" + text }
            if text.count > decimals { text = String(repeating: "0", count: decimals) }
            grouped += "." + text
        }
        return (negative && r != 0 ? "-" : "") + grouped
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
