import EdiagModel

/// One compliance indicator on a scale: coloured bands for grades 1, 2, 3 and "limit not met", the plant's
/// value as a marker, and the benchmark (标杆) and baseline (基准) lines where the standard has them.
struct IndicatorChart {
    var id: String
    var title: String
    var unit: String
    var value: Double
    /// Grades 1, 2, 3; nil where the standard publishes none.
    var thresholds: [Double?]
    /// True when a smaller value is better (almost every limit).
    var lowerIsBetter: Bool
    var benchmark: Double?
    var baseline: Double?
    /// Band names: grade 1, grade 2, grade 3, limit not met.
    var gradeNames: [String]
    var valueLabel: String
    var benchmarkLabel: String
    var baselineLabel: String

    private static let bandColors = ["#2e8b57", "#8cc084", "#f2d16b", "#e06c5b"]

    func svg() -> String {
        let width = 720.0, height = 132.0, left = 16.0, right = 16.0, bandTop = 58.0, bandHeight = 26.0
        let marks = thresholds.compactMap { $0 } + [value] + [benchmark, baseline].compactMap { $0 }
        let lowest = marks.min() ?? 0, highest = marks.max() ?? 1
        let pad = max((highest - lowest) * 0.12, abs(highest) * 0.02, 1e-9)
        let low = lowest - pad, high = highest + pad
        let plotWidth = width - left - right
        func x(_ v: Double) -> Double { left + (v - low) / (high - low) * plotWidth }

        // Bands from the low end of the scale to the high end, each named by the grade it stands for.
        let known = thresholds.enumerated().compactMap { item in item.element.map { (grade: item.offset, value: $0) } }
        var bands: [(from: Double, to: Double, grade: Int)] = []
        if lowerIsBetter {
            let sorted = known.sorted { $0.value < $1.value }
            var from = low
            for t in sorted { bands.append((from, t.value, t.grade)); from = t.value }
            bands.append((from, high, 3))
        } else {
            let sorted = known.sorted { $0.value < $1.value }
            var from = low
            var previousGrade = 3
            for t in sorted { bands.append((from, t.value, previousGrade)); from = t.value; previousGrade = t.grade }
            bands.append((from, high, sorted.last?.grade ?? 0))
        }

        var parts = ["\(valueLabel) \(Self.text(value)) \(unit)"]
        for (i, t) in thresholds.enumerated() { if let t { parts.append("\(gradeNames[i]) \(Self.text(t))") } }
        if let benchmark { parts.append("\(benchmarkLabel) \(Self.text(benchmark))") }
        if let baseline { parts.append("\(baselineLabel) \(Self.text(baseline))") }
        var c = SVGCanvas(id: id, width: width, height: height, title: title, summary: parts.joined(separator: "; "))
        c.text("\(title) (\(unit))", x: 8, y: 18, size: 13, bold: true)
        for band in bands where band.to > band.from {
            let name = gradeNames[min(band.grade, 3)]
            c.rect(x: x(band.from), y: bandTop, width: x(band.to) - x(band.from), height: bandHeight,
                   fill: Self.bandColors[min(band.grade, 3)], tooltip: name)
            if SVGCanvas.textWidth(name, size: 10) + 6 < x(band.to) - x(band.from) {
                c.text(name, x: (x(band.from) + x(band.to)) / 2, y: bandTop + 17, size: 10, anchor: .middle, fill: "#1b1b1b")
            }
        }
        for t in known {
            c.text(Self.text(t.value), x: x(t.value), y: bandTop + bandHeight + 14, size: 10, anchor: .middle, fill: "#444")
        }
        if let benchmark {
            c.line(x1: x(benchmark), y1: bandTop - 6, x2: x(benchmark), y2: bandTop + bandHeight + 4, stroke: "#1f4e79", width: 2,
                   dash: "4 3", tooltip: "\(benchmarkLabel) \(Self.text(benchmark))")
            c.text("\(benchmarkLabel) \(Self.text(benchmark))", x: x(benchmark), y: bandTop + bandHeight + 30, size: 10, anchor: .middle, fill: "#1f4e79")
        }
        if let baseline {
            c.line(x1: x(baseline), y1: bandTop - 6, x2: x(baseline), y2: bandTop + bandHeight + 4, stroke: "#6b3fa0", width: 2,
                   dash: "1 3", tooltip: "\(baselineLabel) \(Self.text(baseline))")
            c.text("\(baselineLabel) \(Self.text(baseline))", x: x(baseline), y: bandTop + bandHeight + 42, size: 10, anchor: .middle, fill: "#6b3fa0")
        }
        let vx = x(value)
        c.line(x1: vx, y1: bandTop - 4, x2: vx, y2: bandTop + bandHeight + 4, stroke: "#111", width: 2.5)
        c.polygon([(vx - 7, bandTop - 16), (vx + 7, bandTop - 16), (vx, bandTop - 4)], fill: "#111",
                  tooltip: "\(valueLabel) \(Self.text(value)) \(unit)")
        let label = "\(valueLabel) \(Self.text(value))"
        let anchor: SVGCanvas.Anchor = vx < width * 0.2 ? .start : (vx > width * 0.8 ? .end : .middle)
        c.text(label, x: vx, y: bandTop - 20, size: 11, anchor: anchor, fill: "#111", bold: true)
        return c.svg()
    }

    static func text(_ v: Double) -> String { NumberFormat.plain(NumberFormat.significant(v, digits: 6)) }
}
