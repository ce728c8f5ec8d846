import EdiagModel
import Testing

/// Profiles crafted (or mistyped) to break the parsers end in a located error, never a crash.
@Suite struct HostileInputTests {
    /// 100 000 nested parentheses in a unit used to overflow the stack of the recursive unit parser.
    @Test func deeplyNestedUnitIsAnError() {
        let unit = String(repeating: "(", count: 100_000) + "GWh" + String(repeating: ")", count: 100_000)
        #expect(throws: UnitError.self) { try Unit(unit) }
        #expect(throws: UnitError.self) { try Unit(String(repeating: "(", count: 17) + "kWh" + String(repeating: ")", count: 17)) }
        #expect((try? Unit("((kWh))/(t)")) != nil)
    }

    /// The same unit inside a profile is reported at its field.
    @Test func deeplyNestedUnitInAProfileIsLocated() throws {
        let yaml = """
            plant: {id: P1, name: T, sector: cement}
            assessment: {date: 2026-03-15}
            energy:
              electricity: {consumption: 10 \(String(repeating: "(", count: 50_000))GWh\(String(repeating: ")", count: 50_000)), price: 0.6 yuan/kWh}
            """
        let error = try #require(throws: ProfileError.self) {
            try ProfileDecoder.decode(try SourceDocument.parse(yaml, file: "p.yaml"), source: "p.yaml")
        }
        #expect("\(error)".contains("electricity"))
        #expect("\(error)".utf8.count < 1000, "the message quotes the unit by its start")
    }

    /// Nesting deeper than the YAML parser allows is a syntax error with a line.
    @Test func deeplyNestedYAMLIsASyntaxError() {
        let yaml = "plant: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: DocumentError.self) { try SourceDocument.parse(yaml, file: "p.yaml") }
    }

    /// Nine lines of nested YAML aliases ("billion laughs", 9^9 values) are refused at a line instead
    /// of exhausting memory.
    @Test func aliasExpansionIsBounded() throws {
        var yaml = "plant: {id: P1, name: T, sector: cement}\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        let error = try #require(throws: DocumentError.self) { try SourceDocument.parse(yaml, file: "p.yaml") }
        #expect(error.message.contains("aliases"))
        #expect(error.location.line != nil)
    }
}
