@testable import EdiagReport
import Foundation
import Testing

struct ChartTests {
    /// The supply curve draws measures by cost of conserved energy, each as wide as its saving, with the price line.
    @Test func supplyCurveOrderAndWidths() throws {
        let chart = SupplyCurveChart(
            id: "c", title: "Supply <curve>", xAxis: "tce/a", yAxis: "yuan/tce", priceLabel: "price", energyPrice: 1500,
            measures: [
                .init(mark: "#1", name: "expensive", tcePerYear: 100, cceYuanPerTce: 3000),
                .init(mark: "#2", name: "cheap", tcePerYear: 300, cceYuanPerTce: 200),
                .init(mark: "#3", name: "middle", tcePerYear: 200, cceYuanPerTce: 900),
            ])
        let svg = chart.svg()
        #expect(SVGCheck.parseError(svg) == nil)
        let cheap = try #require(svg.range(of: "#2 cheap"))
        let middle = try #require(svg.range(of: "#3 middle"))
        let expensive = try #require(svg.range(of: "#1 expensive"))
        #expect(cheap.lowerBound < middle.lowerBound && middle.lowerBound < expensive.lowerBound)
        // Plot 630 px wide over 0…600 tce: 1.05 px per tce; 280 px high over 0…4000 yuan/tce (ticks of 1000).
        #expect(svg.contains("x=\"74\" y=\"322\" width=\"315\" height=\"14\""))
        #expect(svg.contains("x=\"389\" y=\"273\" width=\"210\" height=\"63\""))
        #expect(svg.contains("fill=\"#d9822b\""))  // the one above the price line
        #expect(svg.contains("price 1,500"))
        #expect(svg.contains("<title id=\"c-title\">Supply &lt;curve&gt;</title>"))
        #expect(chart.svg() == svg)
    }

    /// Grade bands run from grade 1 to "not met" for lower-is-better indicators and the other way round otherwise.
    @Test func indicatorBands() throws {
        func bands(lowerIsBetter: Bool, thresholds: [Double?]) -> [String] {
            let svg = IndicatorChart(id: "i", title: "t", unit: "u", value: 5, thresholds: thresholds, lowerIsBetter: lowerIsBetter,
                                     benchmark: nil, baseline: nil, gradeNames: ["G1", "G2", "G3", "NM"], valueLabel: "v",
                                     benchmarkLabel: "b", baselineLabel: "bl").svg()
            #expect(SVGCheck.parseError(svg) == nil)
            return svg.components(separatedBy: "<rect ").dropFirst(2).compactMap { $0.components(separatedBy: "<title>").dropFirst().first?.components(separatedBy: "<").first }
        }
        #expect(bands(lowerIsBetter: true, thresholds: [2, 4, 6]) == ["G1", "G2", "G3", "NM"])
        #expect(bands(lowerIsBetter: false, thresholds: [6, 4, 2]) == ["NM", "G3", "G2", "G1"])
        #expect(bands(lowerIsBetter: false, thresholds: [6, 4, nil]) == ["NM", "G2", "G1"])
    }

    /// Chinese labels are measured as full-width, and long labels are cut with an ellipsis.
    @Test func chineseTextWidth() {
        #expect(SVGCanvas.textWidth("水泥", size: 10) == 20)
        #expect(SVGCanvas.textWidth("ab", size: 10) == 11.6)
        #expect(SVGCanvas.fit("熟料单位产品综合能耗限额", width: 60, size: 10) == "熟料单位产…")
    }

    /// Axis ticks are round numbers covering the range.
    @Test func ticks() {
        #expect(AxisTicks.ticks(from: 0, to: 8750, count: 6) == [0, 2000, 4000, 6000, 8000, 10000])
        #expect(AxisTicks.ticks(from: 0, to: 1.214, count: 5) == [0, 0.5, 1, 1.5])
    }
}
