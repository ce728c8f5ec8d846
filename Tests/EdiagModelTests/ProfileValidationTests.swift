import Testing
@testable import EdiagModel

private let base = """
plant: {id: P1, name: Test plant, sector: cement}
assessment: {date: 2026-03-15}

"""

private func issues(_ yaml: String) -> [ProfileIssue] {
    do {
        _ = try ProfileDecoder.decode(try SourceDocument.parse(base + yaml, file: "plant.yaml"), source: "plant.yaml")
        return []
    } catch let error as ProfileError {
        return error.issues
    } catch {
        return [ProfileIssue(.error, SourceLocation(file: "plant.yaml"), path: "", "\(error)")]
    }
}

@Suite struct ProfileValidationTests {
    /// A valid minimal profile decodes and converts units to the schema's unit.
    @Test func validProfileConvertsUnits() throws {
        let doc = try SourceDocument.parse(base + "energy:\n  electricity: {consumption: 86.5 GWh, price: 0.63 yuan/kWh}\n", file: "p.yaml")
        let profile = try ProfileDecoder.decode(doc, source: "p.yaml")
        #expect(profile.energy?["electricity"]?.object?["consumption"]?.number == 86.5e6)
        #expect(profile.price(of: "electricity") == 0.63)
    }

    /// An unknown unit names the file, line, column, field path and what was expected.
    @Test func unknownUnitIsLocated() {
        let found = issues("energy:\n  electricity: {consumption: 86.5 GWhh}\n")
        #expect(found.count == 1)
        #expect(found.first?.location.line == 4)
        #expect(found.first?.path == "energy.electricity.consumption")
        #expect(found.first?.message.contains("unknown unit 'GWhh'") == true)
    }

    /// A bare number where a quantity is needed is refused with an example.
    @Test func bareNumberNeedsAUnit() {
        let found = issues("products:\n  - {id: c, product: clinker, output: 780000}\n")
        #expect(found.first?.path == "products[1].output")
        #expect(found.first?.message.contains("bare number") == true)
    }

    /// A negative output is refused.
    @Test func negativeOutputIsRefused() {
        let found = issues("products:\n  - {id: c, product: clinker, output: -5 t}\n")
        #expect(found.first?.message.contains("must be at least 0") == true)
    }

    /// An efficiency above 100 % is refused.
    @Test func efficiencyAbove100IsRefused() {
        let found = issues("equipment:\n  - {id: M1, type: motor, rated_power: 10 kW, efficiency: 104 %}\n")
        #expect(found.first?.path == "equipment[1].efficiency")
    }

    /// A wrong type and a missing required field are both reported.
    @Test func wrongTypeAndMissingField() {
        let found = issues("equipment:\n  - {id: M1, type: motor, poles: four}\n")
        #expect(found.contains { $0.path == "equipment[1].poles" && $0.message.contains("whole number") })
        #expect(found.contains { $0.path == "equipment[1].rated_power" && $0.message.contains("missing required") })
    }

    /// A misspelt field gets a suggestion.
    @Test func unknownFieldSuggestsTheClosest() {
        let found = issues("equipment:\n  - {id: M1, type: motor, rated_power: 10 kW, efficency: 90 %}\n")
        #expect(found.first?.message.contains("did you mean 'efficiency'") == true)
        #expect(found.first?.location.line == 4)
    }

    /// Duplicate equipment ids are refused.
    @Test func duplicateIDsAreRefused() {
        let found = issues("equipment:\n  - {id: M1, type: motor, rated_power: 10 kW}\n  - {id: M1, type: motor, rated_power: 11 kW}\n")
        #expect(found.contains { $0.message.contains("duplicate id 'M1'") })
    }

    /// Syntax errors carry line and column.
    @Test func syntaxErrorsAreLocated() {
        #expect(throws: DocumentError.self) { try SourceDocument.parse("plant: {id: [", file: "bad.yaml") }
    }

    /// A missing required top-level section is named.
    @Test func missingAssessmentIsNamed() throws {
        let doc = try SourceDocument.parse("plant: {id: P1, name: X, sector: cement}\n", file: "p.yaml")
        let error = #expect(throws: ProfileError.self) { try ProfileDecoder.decode(doc, source: "p.yaml") }
        #expect(error?.issues.contains { $0.path == "assessment" } == true)
    }
}

@Suite struct ConversionNoiseTests {
    /// A value written exactly on a limit stays exactly on it after unit conversion (215 gce/kWh).
    @Test func valuesOnALimitStayExact() throws {
        let yaml = base + "process_units:\n  - {id: G1, type: ccgt_unit, supply_coal_rate: 215 gce/kWh}\n"
        let profile = try ProfileDecoder.decode(try SourceDocument.parse(yaml, file: "p.yaml"), source: "p.yaml")
        let unit = profile.root["process_units"]?.list?.first?.object
        #expect(unit?["supply_coal_rate"]?.number == 215)
    }
}
