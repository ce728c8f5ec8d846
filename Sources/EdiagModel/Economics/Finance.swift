import Foundation

/// The finance formulas every measure's economics use (documented in `docs/economics.md`).
public enum Finance {
    /// Present value of 1 yuan a year for `years` years at `rate`: (1 − (1+r)^−n) / r; n when r = 0.
    public static func annuityFactor(rate: Double, years: Double) -> Double {
        guard years > 0 else { return 0 }
        if abs(rate) < 1e-12 { return years }
        return (1 - pow(1 + rate, -years)) / rate
    }

    /// Capital recovery factor r(1+r)^n / ((1+r)^n − 1); 1/n when r = 0.
    public static func capitalRecoveryFactor(rate: Double, years: Double) -> Double {
        guard years > 0 else { return 0 }
        return 1 / annuityFactor(rate: rate, years: years)
    }

    /// Investment ÷ net annual saving; nil when the measure never pays back.
    public static func simplePayback(investment: Double, annualSaving: Double) -> Double? {
        guard annualSaving > 0 else { return nil }
        return investment / annualSaving
    }

    /// −investment + annualSaving × annuity factor.
    public static func npv(investment: Double, annualSaving: Double, rate: Double, years: Double) -> Double {
        -investment + annualSaving * annuityFactor(rate: rate, years: years)
    }

    /// The rate at which NPV is zero, by bisection on [−0.99, 10]; nil when there is none there.
    public static func irr(investment: Double, annualSaving: Double, years: Double) -> Double? {
        guard investment > 0, annualSaving > 0, years > 0 else { return nil }
        var low = -0.99, high = 10.0
        func f(_ r: Double) -> Double { npv(investment: investment, annualSaving: annualSaving, rate: r, years: years) }
        guard f(low) > 0, f(high) < 0 else { return nil }
        for _ in 0..<200 {
            let mid = (low + high) / 2
            if f(mid) > 0 { low = mid } else { high = mid }
            if high - low < 1e-10 { break }
        }
        return (low + high) / 2
    }
}
