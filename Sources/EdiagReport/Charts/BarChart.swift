import EdiagModel

/// A horizontal bar chart: one labelled bar per item, the value written after the bar, and an optional
/// reference line (e.g. ratio 1 = grade 1).
struct BarChart {
    struct Bar {
        var label: String
        var value: Double
        /// The value as the report writes it, e.g. `1,234.5`.
        var valueText: String
        var color: String = "#2f6f9f"
        /// Longer text for the mark's tooltip.
        var tooltip: String?
    }

    var id: String
    var title: String
    /// Axis caption, e.g. `tce/a`.
    var unit: String
    var bars: [Bar]
    var reference: (value: Double, label: String)?

    func svg() -> String {
        let width = 720.0, barHeight = 22.0, gap = 8.0, top = 34.0, bottom = 34.0, fontSize = 12.0
        let labelWidth = min(max(bars.map { SVGCanvas.textWidth($0.label, size: fontSize) }.max() ?? 0, 40) + 12, 320)
        let valueWidth = max((bars.map { SVGCanvas.textWidth($0.valueText, size: fontSize) }.max() ?? 0) + 10, 50)
        let plotLeft = labelWidth + 8, plotWidth = width - plotLeft - valueWidth - 12
        let height = top + Double(max(bars.count, 1)) * (barHeight + gap) + bottom
        let maximum = max(bars.map(\.value).max() ?? 0, reference?.value ?? 0)
        let ticks = AxisTicks.ticks(from: 0, to: maximum > 0 ? maximum : 1, count: 5)
        let scaleMax = max(ticks.last ?? 1, maximum, 1e-12)
        func x(_ v: Double) -> Double { plotLeft + max(v, 0) / scaleMax * plotWidth }

        let summary = bars.map { "\($0.label): \($0.valueText) \(unit)" }.joined(separator: "; ")
        var c = SVGCanvas(id: id, width: width, height: height, title: title, summary: summary)
        c.text(title, x: 8, y: 20, size: 14, bold: true)
        let plotBottom = top + Double(bars.count) * (barHeight + gap)
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        for t in ticks {
            c.line(x1: x(t), y1: top - 4, x2: x(t), y2: plotBottom, stroke: "#e3e3e3")
            c.text(AxisTicks.label(t, step: step), x: x(t), y: plotBottom + 14, size: 10, anchor: .middle, fill: "#555")
        }
        c.text(unit, x: plotLeft + plotWidth, y: plotBottom + 28, size: 10, anchor: .end, fill: "#555")
        for (i, bar) in bars.enumerated() {
            let y = top + Double(i) * (barHeight + gap)
            c.text(SVGCanvas.fit(bar.label, width: labelWidth, size: fontSize), x: labelWidth, y: y + 15, size: fontSize, anchor: .end)
            c.rect(x: plotLeft, y: y, width: x(bar.value) - plotLeft, height: barHeight, fill: bar.color,
                   tooltip: bar.tooltip ?? "\(bar.label): \(bar.valueText) \(unit)")
            c.text(bar.valueText, x: x(bar.value) + 4, y: y + 15, size: fontSize, fill: "#333")
        }
        c.line(x1: plotLeft, y1: top - 4, x2: plotLeft, y2: plotBottom, stroke: "#888")
        if let reference {
            c.line(x1: x(reference.value), y1: top - 8, x2: x(reference.value), y2: plotBottom, stroke: "#c0392b", width: 1.5,
                   dash: "5 3", tooltip: reference.label)
            c.text(reference.label, x: x(reference.value), y: top - 10, size: 10, anchor: .middle, fill: "#c0392b")
        }
        return c.svg()
    }
}
