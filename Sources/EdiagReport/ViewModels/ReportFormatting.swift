import EdiagModel

/// How numbers appear in reports: grouped with fixed decimals for people, the JSON format for CSV cells.
enum ReportNumber {
    /// Grouped with `decimals` places, e.g. `12,345.6`.
    static func fixed(_ v: Double, _ decimals: Int) -> String { NumberFormat.grouped(v, decimals: decimals) }

    /// Yuan as 万元 (10⁴ yuan), one decimal.
    static func wan(_ yuan: Double) -> String { NumberFormat.grouped(yuan / 10_000, decimals: 1) }

    /// A number for a spreadsheet cell: ten significant digits, shortest form, no grouping.
    static func cell(_ v: Double?) -> String {
        guard let v, v.isFinite else { return "" }
        return NumberFormat.plain(NumberFormat.significant(v, digits: 10))
    }

    /// A measured value or threshold as published: six significant digits, no padding.
    static func value(_ v: Double) -> String { NumberFormat.plain(NumberFormat.significant(v, digits: 6)) }

    /// A fraction as a percentage with one decimal.
    static func percent(_ v: Double) -> String { NumberFormat.grouped(v * 100, decimals: 1) + " %" }
}

extension ReportLabels {
    /// A label chosen by a code, e.g. `category_saving_measure`, else the code itself.
    func named(_ prefix: String, _ code: String) -> String { texts[prefix + "_" + code] ?? code }

    /// An energy carrier's name in the report language (from the carrier catalogue), else its id.
    func carrier(_ id: String, _ language: ReportLanguage) -> String {
        if let label = texts["carrier_" + id] { return label }
        guard let carrier = EnergyCarrier.named(id) else { return id }
        return language == .zh ? carrier.nameZh : carrier.nameEn
    }
}

/// Adds `has_<key>: true` for every non-empty list, so templates can wrap a table around a list in plain
/// Mustache (`{{#has_measures}}<table>…{{/has_measures}}`).
func withListFlags(_ context: [String: Any]) -> [String: Any] {
    var out = context
    for (key, value) in context {
        if let list = value as? [Any], !list.isEmpty { out["has_" + key] = true }
    }
    return out
}
