import EdiagModel

/// A small SVG writer with one number format, so that the same chart is always the same bytes.
///
/// Every chart has a `<title>` and `<desc>` referenced by `aria-labelledby`, and `role="img"`, so a screen
/// reader announces it; each mark may carry its own `<title>` (shown as a tooltip).
struct SVGCanvas {
    /// CJK-capable fonts first, so Chinese labels render on Windows, macOS and Linux.
    static let fontFamily = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif"

    let id: String
    let width: Double
    let height: Double
    let title: String
    let summary: String
    private var body: [String] = []

    init(id: String, width: Double, height: Double, title: String, summary: String) {
        self.id = id
        self.width = width
        self.height = height
        self.title = title
        self.summary = summary
    }

    /// Coordinates to two decimals, shortest form, never `-0`.
    static func number(_ v: Double) -> String {
        NumberFormat.plain(NumberFormat.rounded(v.isFinite ? v : 0, decimals: 2))
    }

    /// Escapes text for SVG/XML content and attribute values.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // XML 1.0 forbids most control characters.
                if c.value < 0x20 && c != "\n" && c != "\t" { out += " " } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }

    /// Approximate width of `text` at `size` px: CJK and full-width characters one em, others 0.58 em.
    static func textWidth(_ text: String, size: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + (($1.value >= 0x2E80 && $1.value < 0xFFEF) ? size : size * 0.58) }
    }

    /// `text` cut to fit `width` px, with an ellipsis when cut.
    static func fit(_ text: String, width: Double, size: Double) -> String {
        guard textWidth(text, size: size) > width else { return text }
        var out = ""
        for c in text {
            if textWidth(out + String(c) + "…", size: size) > width { break }
            out.append(c)
        }
        return out + "…"
    }

    private static func tooltip(_ title: String?) -> String {
        guard let title else { return "" }
        return "<title>\(escape(title))</title>"
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, tooltip: String? = nil,
                       extra: String = "") {
        let attrs = "x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(width, 0)))\" height=\"\(Self.number(max(height, 0)))\" fill=\"\(fill)\"\(extra)"
        if let tooltip { body.append("<rect \(attrs)>\(Self.tooltip(tooltip))</rect>") } else { body.append("<rect \(attrs)/>") }
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String? = nil,
                       tooltip: String? = nil) {
        let dashAttr = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        let attrs = "x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\"\(dashAttr)"
        if let tooltip { body.append("<line \(attrs)>\(Self.tooltip(tooltip))</line>") } else { body.append("<line \(attrs)/>") }
    }

    mutating func polygon(_ points: [(Double, Double)], fill: String, tooltip: String? = nil) {
        let list = points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
        if let tooltip { body.append("<polygon points=\"\(list)\" fill=\"\(fill)\">\(Self.tooltip(tooltip))</polygon>") } else {
            body.append("<polygon points=\"\(list)\" fill=\"\(fill)\"/>")
        }
    }

    enum Anchor: String { case start, middle, end }

    mutating func text(_ text: String, x: Double, y: Double, size: Double = 12, anchor: Anchor = .start, fill: String = "#222",
                       bold: Bool = false) {
        let weight = bold ? " font-weight=\"bold\"" : ""
        body.append("<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" font-size=\"\(Self.number(size))\" text-anchor=\"\(anchor.rawValue)\" fill=\"\(fill)\"\(weight)>\(Self.escape(text))</text>")
    }

    /// The finished `<svg>` element.
    func svg() -> String {
        let titleID = "\(id)-title"
        let descID = "\(id)-desc"
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)\" class=\"chart\" role=\"img\" aria-labelledby=\"\(titleID) \(descID)\" "
        out += "viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" "
        out += "font-family=\"\(Self.fontFamily)\">\n"
        out += "<title id=\"\(titleID)\">\(Self.escape(title))</title>\n<desc id=\"\(descID)\">\(Self.escape(summary))</desc>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" fill=\"#fff\"/>\n"
        for element in body { out += element + "\n" }
        out += "</svg>"
        return out
    }
}

/// Round axis ticks (1, 2, 5 × 10ⁿ) covering a range: the first tick is at or below its low end, the last at or above its high end.
enum AxisTicks {
    static func ticks(from low: Double, to high: Double, count: Int = 5) -> [Double] {
        guard high > low, low.isFinite, high.isFinite else { return [low] }
        let raw = (high - low) / Double(max(count, 1))
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? magnitude * 10
        var ticks: [Double] = []
        // From the last round number at or below `low` to the first at or above `high`.
        var i = (low / step).rounded(.down)
        while true {
            let t = NumberFormat.significant(i * step, digits: 12)
            ticks.append(t)
            if t >= high - step * 1e-9 { break }
            i += 1
        }
        return ticks
    }

    /// Tick text: grouped, with as many decimals as the step needs.
    static func label(_ v: Double, step: Double) -> String {
        let decimals = step >= 1 ? 0 : (step >= 0.1 ? 1 : (step >= 0.01 ? 2 : 3))
        return NumberFormat.grouped(v, decimals: decimals)
    }
}
