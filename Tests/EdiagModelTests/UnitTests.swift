import Testing
@testable import EdiagModel

@Suite struct UnitTests {
    /// Common energy, mass, volume and coal-equivalent units convert as expected.
    @Test(arguments: [
        ("1 GWh", "kWh", 1e6), ("2.5 MWh", "kWh", 2500), ("3 kt", "t", 3000), ("1.2 Mt", "t", 1.2e6),
        ("2 10^4 m3", "m3", 20000), ("5 万t", "t", 50000), ("1 GJ", "MJ", 1000), ("1 tce", "kgce", 1000),
        ("1 kgoe", "kgce", 1.4286), ("60 min", "h", 1), ("1 kWh", "MJ", 3.6), ("93.6 %", "1", 0.936),
        ("1 kW/(m3/min)", "kW/(m3/min)", 1), ("100 °C", "K", 373.15), ("1 万元", "yuan", 10000),
        ("0.8 MPa", "bar", 8), ("1 gce/kWh", "kgce/kWh", 0.001),
    ])
    func converts(_ text: String, _ target: String, _ expected: Double) throws {
        let q = try Quantity(parsing: text)
        let value = try q.value(in: try Unit(target))
        #expect(abs(value - expected) < 1e-9 * max(1, abs(expected)))
    }

    /// An unknown unit names itself.
    @Test func unknownUnitIsNamed() {
        let error = #expect(throws: UnitError.self) { try Unit("kWhh") }
        #expect(error?.description == "unknown unit 'kWhh'")
    }

    /// Incompatible dimensions are refused.
    @Test func incompatibleUnitsAreRefused() throws {
        #expect(throws: UnitError.self) { try Unit("kWh").convert(1, to: try Unit("t")) }
        #expect(throws: UnitError.self) { try Unit("kWh").convert(1, to: try Unit("kgce")) }
    }

    /// A quantity without a unit is an error.
    @Test func quantityNeedsAUnit() {
        #expect(throws: UnitError.self) { try Quantity(parsing: "45") }
    }

    /// The byte-wise reading of ASCII quantities gives what the character-wise reading gives: the
    /// same number and unit, or the same error.
    @Test(arguments: [
        "45 GWh", " -12 kgce/t ", "+93.6 %", "1.2e6 kWh", "1.2E-3 t", "3 10^4 m3", "1_000 kWh", "1,234.5 t", "2e kWh",
        "1e5", "45", "", "   ", "abc", ". kWh", "1.2.3 kWh", "12kWh", "12\tkWh", "\t7 t\n", "12 \u{0B}kWh", "1e999 kWh",
        "-", "--1 kWh", "1 kWhh", "5 万t", "100 °C", "1 kW/(m3/min)", "0x10 kWh", "inf kWh", "nan kWh", "1\r\n kWh",
        "1 e5 kWh", "1e+ kWh", "8,700 h/a", "0.63 yuan/kWh", "1.5 m3/t", "12 kWh ", "6 (kWh",
    ])
    func byteReadingMatchesCharacterReading(_ text: String) {
        func outcome(_ read: () throws(UnitError) -> Quantity) -> String {
            do throws(UnitError) {
                let q = try read()
                return "\(q.value.bitPattern) \(q.unit.symbol) \(q.unit.scale) \(q.unit.dimension)"
            } catch {
                return "error: \(error)"
            }
        }
        #expect(outcome { () throws(UnitError) in try Quantity(parsing: text) }
                == outcome { () throws(UnitError) in try Quantity(parsingCharacters: text) })
    }
}

@Suite struct FinanceTests {
    /// Hand-computed: I = 100, S = 30/a, r = 8 %, n = 5. Annuity factor 3.99271; NPV = 19.781.
    @Test func npvAndPayback() {
        #expect(abs(Finance.annuityFactor(rate: 0.08, years: 5) - 3.992710) < 1e-6)
        #expect(abs(Finance.npv(investment: 100, annualSaving: 30, rate: 0.08, years: 5) - 19.7813) < 1e-4)
        #expect(Finance.simplePayback(investment: 100, annualSaving: 30)! - 3.3333333 < 1e-6)
        #expect(Finance.simplePayback(investment: 100, annualSaving: 0) == nil)
    }

    /// IRR of −100, +30 × 5 years is 15.24 % (NPV at that rate is zero).
    @Test func irr() {
        let irr = Finance.irr(investment: 100, annualSaving: 30, years: 5)!
        #expect(abs(irr - 0.152382) < 1e-5)
        #expect(abs(Finance.npv(investment: 100, annualSaving: 30, rate: irr, years: 5)) < 1e-6)
    }

    /// CRF at 8 %, 10 years is 0.149029; at 0 % it is 1/n.
    @Test func capitalRecoveryFactor() {
        #expect(abs(Finance.capitalRecoveryFactor(rate: 0.08, years: 10) - 0.149029) < 1e-6)
        #expect(abs(Finance.capitalRecoveryFactor(rate: 0, years: 10) - 0.1) < 1e-12)
    }
}

struct NumberFormatTests {
    /// Grouped formatting never traps: values beyond 10^15 (absurd input, summed portfolios) fall back to plain text.
    @Test func groupedHandlesHugeValues() {
        #expect(NumberFormat.grouped(12_345.678, decimals: 1) == "12,345.7")
        #expect(NumberFormat.grouped(-1_000_000, decimals: 0) == "-1,000,000")
        #expect(NumberFormat.grouped(1e30, decimals: 0) == NumberFormat.plain(1e30))
        #expect(NumberFormat.grouped(-9.3e18, decimals: 2) == NumberFormat.plain(-9.3e18))
        #expect(NumberFormat.grouped(.infinity, decimals: 0) == "Infinity")
        #expect(NumberFormat.grouped(0.5, decimals: 40) == "0.500000000", "decimals are capped at 9 (no Int64 overflow)")
        #expect(NumberFormat.grouped(1234.5, decimals: -3) == "1,235", "negative decimals mean none")
        #expect(NumberFormat.grouped(999.96, decimals: 1) == "1,000.0")
        #expect(NumberFormat.grouped(-0.04, decimals: 1) == "0.0")
        #expect(NumberFormat.grouped(12.05, decimals: 3) == "12.050")
        #expect(NumberFormat.rounded(1.5, decimals: Int.max) == 1.5, "huge decimal counts return at once")
    }
}
