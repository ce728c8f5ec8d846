import EdiagModel
@testable import EdiagReport
import Foundation
import Testing

struct PlantReportTests {
    let renderer: ReportRenderer

    init() throws { renderer = try ReportRenderer() }

    /// The default templates render the plant report in Chinese and in English, in every format.
    @Test(arguments: ReportFormat.allCases)
    func rendersBothLanguages(format: ReportFormat) throws {
        let doc = try ReportFixtures.diagnosis()
        let zh = try renderer.renderPlant(document: doc, format: format, language: .zh)
        let en = try renderer.renderPlant(document: doc, format: format, language: .en)
        switch format {
        case .csv:
            #expect(zh.contains("企业编号,企业名称"))
            #expect(en.contains("plant_id,plant_name"))
        default:
            #expect(zh.contains("节能诊断报告") && zh.contains("依法必须整改的事项") && zh.contains("熟料单位产品综合能耗"))
            #expect(en.contains("Energy-saving diagnosis report") && en.contains("What the plant must do by law"))
            #expect(en.contains("Clinker comprehensive energy consumption"))
        }
        #expect(!zh.contains("{{") && !en.contains("{{"))
    }

    /// The plant report holds the summary totals, the compliance thresholds, the catalogue entry and the measures.
    @Test func contentOfTheReport() throws {
        let md = try renderer.renderPlant(document: try ReportFixtures.diagnosis(), format: .markdown, language: .en)
        // Summary: 2,396.55 + 59.64 tce; 10,810,800 + 73,480 yuan = 1,088.4 ×10⁴; payback 25.6 M / 10.88 M.
        #expect(md.contains("| Energy saved (tce/a) | 2,456.2 |"))
        #expect(md.contains("| Money saved (10k yuan/a) | 1,088.4 |"))
        #expect(md.contains("| Overall simple payback (years) | 2.4 |"))
        #expect(md.contains("### What the plant must do by law (2)"))
        #expect(md.contains("### What the plant should do because it pays (1)"))
        // Compliance row: value, thresholds 1/2/3, result, standard and edition; a null threshold shows as a dash.
        #expect(md.contains("| Clinker comprehensive energy consumption | K1 | 121.4 kgce/t | 100 | 107 | 117 | **Limit not met** | GB 16780-2021 (in force since 2022-11-01); Benchmark 100; Baseline 117 |"))
        #expect(md.contains("| Boiler thermal efficiency | B1 | 88.5 % | 90 | 87 | – | Grade 2 | GB 24500-2020; Next edition GB 24500-2026 (2027-01-01): Grade 3 |"))
        #expect(md.contains("| M-ID-FAN | Y355L2-4 | critical |"))
        #expect(md.contains("高耗能落后机电设备（产品）淘汰目录（第二批） (item 1-1)"))
        // Measures in priority order with savings, range, money, payback, NPV, CCE and confidence.
        let first = try #require(md.range(of: "| 4 | Waste-heat power"))
        let second = try #require(md.range(of: "| 5 | Preheater upgrade"))
        #expect(first.lowerBound < second.lowerBound)
        #expect(md.contains("19,500,000 kWh purchased electricity | 2,396.6 | 1,797.4–2,995.7 | 11,120.9 | 1,081.1 | 2,500.0 | 2.3 | 6,753.5 | 1,834 | medium |"))
        #expect(md.contains("83.5 t raw coal"))
        #expect(md.contains("`cement.cooler-upgrade` (K1): data needed — give the cooler type (Data needed: process_units[K1].cooler_type)"))
    }

    /// HTML special characters in data are escaped (text and SVG), Chinese text is kept as is, and the page needs no network.
    @Test func htmlEscapesAndKeepsChinese() throws {
        let html = try renderer.renderPlant(document: try ReportFixtures.diagnosis(), format: .html, language: .zh)
        #expect(html.contains("测试水泥 &lt;一线&gt; &amp; &quot;联合&quot; &#39;Co&#39;"))
        #expect(!html.contains("<一线>"))
        #expect(html.contains("熟料单位产品综合能耗"))
        #expect(!html.contains("http://") || html.components(separatedBy: "http://").count - 1 == html.components(separatedBy: "http://www.w3.org/2000/svg").count - 1)
        #expect(!html.contains("<script"))
        #expect(html.contains("Content-Security-Policy"))
    }

    /// Every chart in the HTML report is well-formed XML with a title, and the page has the supply curve,
    /// one indicator chart per compliance finding and the savings chart.
    @Test(arguments: ReportLanguage.allCases)
    func chartsAreWellFormed(language: ReportLanguage) throws {
        let html = try renderer.renderPlant(document: try ReportFixtures.diagnosis(), format: .html, language: language)
        let charts = SVGCheck.charts(in: html)
        #expect(charts.count == 4)
        for svg in charts { #expect(SVGCheck.parseError(svg) == nil, "\(svg.prefix(200))") }
        #expect(html.contains("id=\"supply-curve\"") && html.contains("id=\"indicator-1\"") && html.contains("id=\"indicator-2\""))
        #expect(html.contains("id=\"savings-by-type\""))
    }

    /// The same document renders to the same bytes, and SVG coordinates have at most two decimals.
    @Test func renderingIsDeterministic() throws {
        let doc = try ReportFixtures.diagnosis()
        let a = try renderer.renderPlant(document: doc, format: .html, language: .en)
        let b = try ReportRenderer().renderPlant(document: doc, format: .html, language: .en)
        #expect(a == b)
        for svg in SVGCheck.charts(in: a) {
            for attribute in ["x", "y", "width", "height", "x1", "x2", "y1", "y2"] {
                for part in svg.components(separatedBy: " \(attribute)=\"").dropFirst() {
                    let value = part.prefix { $0 != "\"" }
                    let decimals = value.split(separator: ".").dropFirst().first?.count ?? 0
                    #expect(decimals <= 2, "\(attribute)=\(value)")
                }
            }
        }
    }

    /// CSV: UTF-8 byte-order mark, CRLF line ends, one record per finding, RFC 4180 quoting of commas,
    /// quotes and line breaks.
    @Test func csvIsExcelReady() throws {
        let csv = try renderer.renderPlant(document: try ReportFixtures.diagnosis(), format: .csv, language: .en)
        #expect(csv.hasPrefix("\u{FEFF}plant_id,"))
        #expect(csv.hasSuffix("\r\n"))
        let records = CSVReader.records(String(csv.dropFirst()))
        #expect(records.count == 7)
        #expect(Set(records.map(\.count)) == [27])
        let measure = records[4]
        #expect(measure[1] == "测试水泥 <一线> & \"联合\" 'Co'")
        #expect(measure[7] == "Waste-heat power, \"low-temperature\", 2 stages")
        #expect(measure[26] == "Saves about 2,396.6 tce a year\r\nsee annex")
        #expect(measure[16] == "2396.55" && measure[17] == "19500000" && measure[21] == "25000000")
        #expect(records[5][17] == "" && records[5][18] == "83.5 t raw coal")
        #expect(csv.contains("\"Waste-heat power, \"\"low-temperature\"\", 2 stages\""))
    }

    /// CSV tables of several plants join with one byte-order mark and one header.
    @Test func csvTablesConcatenate() throws {
        let one = try renderer.renderPlant(document: try ReportFixtures.diagnosis(), format: .csv, language: .en)
        let joined = CSVTable.concatenate([one, one])
        #expect(joined.components(separatedBy: "\u{FEFF}").count == 2)
        #expect(CSVReader.records(String(joined.dropFirst())).count == 13)
    }

    /// The supply curve's line is the value of the energy the measures save: Σ yuan ÷ Σ tce over priced savings.
    @Test func energyPriceLine() throws {
        let model = try PlantReportModel(document: try ReportFixtures.diagnosis(), language: .en,
                                         labels: ReportLabels(texts: [:]))
        let price = try #require(model.energyValueYuanPerTce)
        #expect(abs(price - (12_285_000 + 73_480) / (2396.55 + 59.64)) < 1e-6)
    }

    /// A document with a missing or mistyped field is refused with the field's path.
    @Test func badDocumentNamesTheField() throws {
        let text = try String(contentsOfFile: ReportFixtures.directory + "/diagnosis.json", encoding: .utf8)
            .replacingOccurrences(of: "\"tce_per_year\": 59.64,", with: "\"tce_per_year\": \"lots\",")
        let doc = try JSONValue.parse(text, file: "bad.json")
        #expect {
            try renderer.renderPlant(document: doc, format: .html, language: .en)
        } throws: { error in
            "\(error)".contains("findings[4].economics.savings[0].tce_per_year: expected a number, found the text \"lots\"")
        }
        let other = try JSONValue.parse("{\"schema\": \"ediag/other@9\"}", file: "other.json")
        #expect(throws: ReportError.self) { try renderer.render(document: other, format: .html, language: .en) }
    }
}
