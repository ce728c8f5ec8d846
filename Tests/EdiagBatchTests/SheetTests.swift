import EdiagBatch
import EdiagEngine
import EdiagModel
import Foundation
import Testing

@Suite struct CSVTableTests {
    /// Fields with commas, quotes, line breaks or edge spaces are quoted with doubled quotes; Chinese text passes through.
    @Test func quotingFollowsRFC4180() {
        let line = CSVTable.line([.text("湘中某水泥有限公司"), .text("a, b"), .text("say \"hi\""), .text("two\r\nlines"),
                                  .text(" padded"), .text("plain")])
        #expect(line == "湘中某水泥有限公司,\"a, b\",\"say \"\"hi\"\"\",\"two\r\nlines\",\" padded\",plain\r\n")
    }

    /// Numbers use the one number format, missing ones are empty, and text that looks like a formula is defused.
    @Test func numbersAndFormulas() {
        #expect(CSVTable.line([.number(1234.5), .number(nil), .number(-2), .number(0.1 + 0.2), .text("=SUM(A1)"), .text("-x")])
                == "1234.5,,-2,0.3,'=SUM(A1),'-x\r\n")
    }

    /// The portfolio CSV files start with the UTF-8 byte-order mark and a header, and each row has the header's cell count.
    @Test func portfolioCSVHasBOMAndHeader() throws {
        let input = try BatchFixture.folder("in")
        try BatchFixture.write(["a.yaml": BatchFixture.profile(id: "P-A")], in: input)
        let out = try BatchFixture.folder("out")
        _ = try BatchFixture.run([input], out: out, packs: [try BatchFixture.testPack()])
        for name in ["plants.csv", "recommendations.csv"] {
            let data = try #require(FileManager.default.contents(atPath: out + "/" + name))
            #expect(data.prefix(3) == CSVTable.byteOrderMark)
            #expect(String(decoding: data.dropFirst(3), as: UTF8.self).hasPrefix("plant_id,plant_name,sector,file,"))
        }
        let plants = String(decoding: try #require(FileManager.default.contents(atPath: out + "/plants.csv")).dropFirst(3), as: UTF8.self)
        #expect(plants.contains("P-A,\"测试厂, \"\"quoted\"\"\",cement,"))
    }
}

@Suite struct SheetImportTests {
    static let examples = BatchFixture.root + "/examples/import"

    /// The template sheets import into profiles that validate and diagnose (round trip).
    @Test func templatesRoundTrip() throws {
        let profiles = try SheetImport.profiles(plantSheet: Self.examples + "/plants.csv", itemSheets: [
            (Self.examples + "/equipment.csv", .equipment), (Self.examples + "/process-units.csv", .processUnits),
        ])
        #expect(profiles.map(\.plantID) == ["HN-CEM-0101", "HN-MFG-0201", "HN-CEM-0102"])
        let out = try BatchFixture.folder("import")
        let runtime = try RuleRuntime(packs: BatchFixture.standardPacks())
        for p in profiles {
            #expect(p.issues.isEmpty, "\(p.issues)")
            try p.yaml.write(toFile: out + "/" + p.fileName, atomically: true, encoding: .utf8)
            let profile = try ProfileDecoder.load(path: out + "/" + p.fileName)
            #expect(profile.plantID == p.plantID)
            let diagnosis = runtime.diagnose(profile)
            #expect(!diagnosis.outcomes.contains { $0.status == .failed })
            if p.plantID == "HN-CEM-0101" {
                #expect(diagnosis.findings.contains { $0.ruleID == "cement.clinker-energy-limit" && $0.compliance?.grade == .notMet })
                #expect(profile.root["equipment"]?.list?.count == 3)
            }
        }
    }

    /// A bad value is reported with the sheet, spreadsheet row, column letter and header, and field path.
    @Test func valueErrorsNameRowAndColumn() throws {
        let dir = try BatchFixture.folder("sheet")
        try BatchFixture.write([
            "plants.csv": "plant.id,plant.name,plant.sector,assessment.date,energy.electricity.consumption\n"
                + "P1,One,cement,2026-01-01,10 GWh\nP2,Two,cement,2026-01-01,10 tonnez\n",
            "equipment.csv": "plant_id,id,type,rated_power\nP1,M1,motor,37 kW\nP1,M2,motor,-3 kW\n",
        ], in: dir)
        let profiles = try SheetImport.profiles(plantSheet: dir + "/plants.csv", itemSheets: [(dir + "/equipment.csv", .equipment)])
        let p2 = try #require(profiles.first { $0.plantID == "P2" })
        #expect(p2.issues.map(\.description) == [
            "\(dir)/plants.csv row 3, column E (energy.electricity.consumption): energy.electricity.consumption: "
                + "unknown unit 'tonnez'; expected a quantity in kWh or a compatible unit"
        ])
        #expect(p2.yaml.isEmpty)
        let p1 = try #require(profiles.first { $0.plantID == "P1" })
        #expect(p1.issues.count == 1)
        #expect(p1.issues.first?.description == "\(dir)/equipment.csv row 3, column D (rated_power): equipment[2].rated_power: must be at least 0 kW, got -3 kW")
    }

    /// Header, duplicate and unknown-plant problems stop the import with the row and column named.
    @Test func sheetErrorsNameRowAndColumn() throws {
        let dir = try BatchFixture.folder("sheet")
        try BatchFixture.write([
            "bad-header.csv": "plant.id,plant..name,plant,plant.sector\nP1,x,y,cement\n",
            "dupes.csv": "plant.id,plant.name\nP1,a\nP1,b\n",
            "plants.csv": "plant.id,plant.name,plant.sector,assessment.date\nP1,One,cement,2026-01-01\n",
            "items.csv": "plant_id,id,type\nP9,M1,motor\n",
            "ragged.csv": "plant.id,plant.name\nP1,a,extra\n",
        ], in: dir)
        func issues(_ sheet: String, items: [(String, SheetImport.ItemList)] = []) -> [String] {
            do {
                _ = try SheetImport.profiles(plantSheet: dir + "/" + sheet, itemSheets: items.map { (dir + "/" + $0.0, $0.1) })
                return []
            } catch { return error.issues.map(\.description) }
        }
        let header = issues("bad-header.csv")
        #expect(header.count == 3)
        #expect(header.first?.hasPrefix("\(dir)/bad-header.csv row 1, column B (plant..name): 'plant..name' is not a field path") == true)
        #expect(header.dropFirst().first?.hasPrefix("\(dir)/bad-header.csv row 1, column C (plant): 'plant' overlaps column A") == true)
        #expect(header.last?.hasPrefix("\(dir)/bad-header.csv row 1, column D (plant.sector): 'plant.sector' overlaps column C") == true)
        #expect(issues("dupes.csv") == ["\(dir)/dupes.csv row 3, column A (plant.id): plant 'P1' is already on row 2"])
        #expect(issues("plants.csv", items: [("items.csv", .equipment)])
                == ["\(dir)/items.csv row 2, column A (plant_id): no plant 'P9' in \(dir)/plants.csv"])
        #expect(issues("ragged.csv") == ["\(dir)/ragged.csv row 2: the row has 3 cells but the header only 2"])
    }

    /// Plant ids that would give the same file name get distinct names.
    @Test func fileNamesDoNotCollide() throws {
        let dir = try BatchFixture.folder("sheet")
        try BatchFixture.write(["plants.csv": "plant.id,plant.name,plant.sector,assessment.date\nA B,x,cement,2026-01-01\nA_B,y,cement,2026-01-01\nC,z,cement,2026-01-01\n"], in: dir)
        let names = try SheetImport.profiles(plantSheet: dir + "/plants.csv").map(\.fileName)
        #expect(names.count == 3 && Set(names).count == 3)
        #expect(names[0].hasPrefix("A_B-") && names[1].hasPrefix("A_B-") && names[2] == "C.yaml")
    }

    /// A sheet saved by Excel (BOM, CRLF, quoted cells with commas) reads like a plain one.
    @Test func excelSavedSheet() throws {
        let dir = try BatchFixture.folder("sheet")
        let text = "\u{FEFF}plant.id,plant.name,plant.sector,assessment.date\r\nP1,\"某厂, 有限公司\",cement,2026-01-01\r\n"
        try BatchFixture.write(["plants.csv": text], in: dir)
        let profiles = try SheetImport.profiles(plantSheet: dir + "/plants.csv")
        #expect(profiles.count == 1)
        #expect(profiles[0].issues.isEmpty)
        let profile = try ProfileDecoder.decode(try SourceDocument.parse(profiles[0].yaml, file: "p.yaml"), source: "p.yaml")
        #expect(profile.plantName == "某厂, 有限公司")
    }
}
