import EdiagModel

/// The conservation supply curve: measures ordered by cost of conserved energy (CCE), each bar as wide as
/// its annual saving and as high as its CCE, with a line at the price of the energy saved. Bars under the
/// line save more than they cost.
struct SupplyCurveChart {
    struct Measure {
        /// Short mark written on the bar (the measure's priority number).
        var mark: String
        var name: String
        var tcePerYear: Double
        var cceYuanPerTce: Double
    }

    var id: String
    var title: String
    var xAxis: String
    var yAxis: String
    var priceLabel: String
    /// Yuan per tce of the energy the measures save; nil when no price is known.
    var energyPrice: Double?
    /// Any order; drawn by CCE, then mark.
    var measures: [Measure]

    func svg() -> String {
        let width = 720.0, height = 392.0, left = 74.0, right = 16.0, top = 56.0, bottom = 56.0
        let ordered = measures.filter { $0.tcePerYear > 0 }.sorted {
            $0.cceYuanPerTce != $1.cceYuanPerTce ? $0.cceYuanPerTce < $1.cceYuanPerTce : $0.mark < $1.mark
        }
        let total = ordered.reduce(0) { $0 + $1.tcePerYear }
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let low = min(0, ordered.map(\.cceYuanPerTce).min() ?? 0)
        let high = max(ordered.map(\.cceYuanPerTce).max() ?? 0, energyPrice ?? 0, 1) * 1.08
        let yTicks = AxisTicks.ticks(from: low, to: high, count: 6)
        let yMax = max(yTicks.last ?? high, high)
        let xTicks = AxisTicks.ticks(from: 0, to: total > 0 ? total : 1, count: 6)
        let xMax = max(xTicks.last ?? 1, total, 1e-12)
        func x(_ v: Double) -> Double { left + v / xMax * plotWidth }
        func y(_ v: Double) -> Double { top + (yMax - v) / (yMax - low) * plotHeight }

        let summary = ordered.map { "\($0.mark) \($0.name): \(NumberFormat.grouped($0.tcePerYear, decimals: 1)) tce/a, CCE \(NumberFormat.grouped($0.cceYuanPerTce, decimals: 0))" }
            .joined(separator: "; ") + (energyPrice.map { "; \(priceLabel) \(NumberFormat.grouped($0, decimals: 0))" } ?? "")
        var c = SVGCanvas(id: id, width: width, height: height, title: title, summary: summary)
        c.text(title, x: 8, y: 20, size: 14, bold: true)
        let yStep = yTicks.count > 1 ? yTicks[1] - yTicks[0] : 1
        for t in yTicks {
            c.line(x1: left, y1: y(t), x2: left + plotWidth, y2: y(t), stroke: "#e6e6e6")
            c.text(AxisTicks.label(t, step: yStep), x: left - 6, y: y(t) + 4, size: 10, anchor: .end, fill: "#555")
        }
        let xStep = xTicks.count > 1 ? xTicks[1] - xTicks[0] : 1
        for t in xTicks {
            c.line(x1: x(t), y1: top + plotHeight, x2: x(t), y2: top + plotHeight + 4, stroke: "#888")
            c.text(AxisTicks.label(t, step: xStep), x: x(t), y: top + plotHeight + 16, size: 10, anchor: .middle, fill: "#555")
        }
        var cumulative = 0.0
        for m in ordered {
            let x0 = x(cumulative), x1 = x(cumulative + m.tcePerYear)
            let pays = energyPrice.map { m.cceYuanPerTce <= $0 } ?? true
            let top = min(y(m.cceYuanPerTce), y(0)), bar = abs(y(m.cceYuanPerTce) - y(0))
            c.rect(x: x0, y: top, width: x1 - x0, height: max(bar, 1), fill: pays ? "#3a8f5c" : "#d9822b",
                   tooltip: "\(m.mark) \(m.name): \(NumberFormat.grouped(m.tcePerYear, decimals: 1)) tce/a, \(NumberFormat.grouped(m.cceYuanPerTce, decimals: 0)) yuan/tce",
                   extra: " stroke=\"#fff\" stroke-width=\"1\"")
            if x1 - x0 >= 14 { c.text(m.mark, x: (x0 + x1) / 2, y: top - 4, size: 10, anchor: .middle, fill: "#333") }
            cumulative += m.tcePerYear
        }
        c.line(x1: left, y1: y(0), x2: left + plotWidth, y2: y(0), stroke: "#888")
        c.line(x1: left, y1: top, x2: left, y2: top + plotHeight, stroke: "#888")
        if let energyPrice {
            let label = "\(priceLabel) \(NumberFormat.grouped(energyPrice, decimals: 0))"
            c.line(x1: left, y1: y(energyPrice), x2: left + plotWidth, y2: y(energyPrice), stroke: "#c0392b", width: 2, dash: "6 4",
                   tooltip: label)
            c.text(label, x: left + 6, y: y(energyPrice) - 6, size: 11, anchor: .start, fill: "#c0392b", bold: true)
        }
        c.text(xAxis, x: left + plotWidth / 2, y: height - 12, size: 11, anchor: .middle, fill: "#333")
        c.text(yAxis, x: left - 6, y: top - 14, size: 11, anchor: .start, fill: "#333")
        return c.svg()
    }
}
