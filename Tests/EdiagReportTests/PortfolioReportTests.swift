import EdiagModel
import EdiagReport
import Foundation
import Testing

struct PortfolioReportTests {
    let renderer: ReportRenderer

    init() throws { renderer = try ReportRenderer() }

    /// The portfolio renders in both languages as Markdown, with totals, sectors, violations, leaders and failures.
    @Test func markdownInBothLanguages() throws {
        let doc = try ReportFixtures.portfolio()
        let en = try renderer.renderPortfolio(document: doc, format: .markdown, language: .en)
        let zh = try renderer.renderPortfolio(document: doc, format: .markdown, language: .zh)
        #expect(en.contains("Plants: 7 · Diagnosed: 6 · Failed: 1"))
        #expect(en.contains("| Energy saved (tce/a) | 41,250.6 |"))
        #expect(en.contains("| Money saved (10k yuan/a) | 9,641.8 |"))
        #expect(en.contains("| Iron and steel | 2 | 0 | 9 | 25,106.3 |"))
        #expect(en.contains("冀东某钢铁集团 &lt;炼铁厂&gt; & 焦化厂 (HB-STL-0021)"))
        #expect(en.contains("| Cement | Clinker comprehensive energy consumption limit | 皖南某水泥股份公司 (AH-CEM-0102) | 98.2 kgce/t | 100 | 0.982 |"))
        #expect(en.contains("| plants/cement-broken.yaml | plants/cement-broken.yaml:14:5 |"))
        #expect(zh.contains("企业总数: 7") && zh.contains("| 钢铁 | 2 | 0 | 9 | 25,106.3 |") && zh.contains("干熄焦（CDQ）"))
    }

    /// The HTML portfolio has the sector, category, top-measure, leader and laggard charts, all well-formed.
    @Test(arguments: ReportLanguage.allCases)
    func htmlHasCharts(language: ReportLanguage) throws {
        let html = try renderer.renderPortfolio(document: try ReportFixtures.portfolio(), format: .html, language: language)
        let charts = SVGCheck.charts(in: html)
        #expect(charts.count == 5)
        for svg in charts { #expect(SVGCheck.parseError(svg) == nil) }
        for id in ["portfolio-sectors", "portfolio-categories", "portfolio-top-measures", "portfolio-leaders", "portfolio-laggards"] {
            #expect(html.contains("id=\"\(id)\""))
        }
        #expect(html.contains("冀东某钢铁集团 &lt;炼铁厂&gt; &amp; 焦化厂"))
    }

    /// A portfolio has no CSV report (the batch writes its CSV files), and says so.
    @Test func csvIsRefused() throws {
        #expect {
            try renderer.renderPortfolio(document: try ReportFixtures.portfolio(), format: .csv, language: .en)
        } throws: { error in
            "\(error)".contains("ediag batch")
        }
    }

    /// `render` picks the report by the document's schema.
    @Test func renderDispatchesOnSchema() throws {
        let html = try renderer.render(document: try ReportFixtures.portfolio(), format: .html, language: .en)
        #expect(html.contains("Portfolio summary"))
    }
}
