import EdiagModel
import Testing
@testable import EdiagEngine

/// Message placeholders are filled from the rule's values byte by byte; these pin the text.
@Suite struct MessageTemplateTests {
    private var values: MessageValues {
        var v = MessageValues()
        v.append("id", .text("窑-1"))
        v.append("kwh", .number(1_234_567.89))
        v.append("share", .number(28))
        v.append("vfd", .bool(true))
        v["share"] = .number(27.5)
        v["tce"] = .number(151.2)
        return v
    }

    /// Names, decimals, the default decimals, text and booleans, in both languages and around Chinese text.
    @Test func fillsEveryKindOfPlaceholder() throws {
        let filled = try MessageTemplate.fill(
            LocalizedText(zh: "{id}年节电 {kwh:0} kWh（{share}%），{tce:2} tce，变频 {vfd}", en: "{id}: {kwh} kWh, {share:1}% {tce}"), values)
        #expect(filled.zh == "窑-1年节电 1,234,568 kWh（27.5%），151.20 tce，变频 true")
        #expect(filled.en == "窑-1: 1,234,568 kWh, 27.5% 151.2")
        #expect(try MessageTemplate.fill("no placeholders {", values) == "no placeholders {")
        #expect(try MessageTemplate.fill("{unclosed", values) == "{unclosed")
    }

    /// A placeholder without a value is refused with the same message as before.
    @Test func missingValueIsNamed() {
        #expect(throws: RuleOutputError.self) { try MessageTemplate.fill("{missing:1}", values) }
        do {
            _ = try MessageTemplate.fill("a {missing:1} b", values)
        } catch {
            #expect(error.message == "message placeholder {missing:1} has no value; add it to values = {…}")
        }
    }
}
