import EdiagModel

/// The values the portfolio templates see, built from a portfolio summary document (`ediag/portfolio@1`,
/// written by `ediag batch`; its keys are documented in `docs/output.md`).
struct PortfolioReportModel {
    /// The schema this model reads.
    static let schema = "ediag/portfolio@1"

    let root: DocumentReader
    let language: ReportLanguage
    let labels: ReportLabels

    init(document: JSONValue, language: ReportLanguage, labels: ReportLabels) throws(ReportDocumentError) {
        root = DocumentReader(document)
        let schema = try root.string("schema")
        guard schema == Self.schema else {
            throw ReportDocumentError(path: "schema", message: "expected \"\(Self.schema)\", found \"\(schema)\"")
        }
        self.language = language
        self.labels = labels
    }

    private func text(_ r: DocumentReader, _ zhKey: String, _ enKey: String) throws(ReportDocumentError) -> String {
        LocalizedText(zh: try r.optionalString(zhKey) ?? "", en: try r.optionalString(enKey) ?? "").text(language)
    }

    /// tce, CO2, yuan and investment of a totals-like object.
    private func money(_ r: DocumentReader, into row: inout [String: Any]) throws(ReportDocumentError) {
        row["tce"] = ReportNumber.fixed(try r.number("tce_per_year"), 1)
        row["co2"] = ReportNumber.fixed(try r.number("co2_tonnes_per_year"), 1)
        row["yuan_wan"] = ReportNumber.wan(try r.number("yuan_per_year"))
        row["investment_wan"] = ReportNumber.wan(try r.number("investment_yuan"))
    }

    private func count(_ r: DocumentReader, _ key: String) throws(ReportDocumentError) -> String {
        ReportNumber.fixed(try r.number(key), 0)
    }

    func context(style: String) throws(ReportDocumentError) -> [String: Any] {
        var c: [String: Any] = ["lang": language.rawValue, "l": labels.texts, "style": style]
        if let run = try root.optionalObject("run") {
            c["run"] = [
                "ediag_version": try run.optionalString("ediag_version") ?? "",
                "configuration_hash": try run.optionalString("configuration_hash") ?? "",
                "plugins": try run.array("plugins", required: false).map { p throws(ReportDocumentError) in
                    "\(try p.string("name")) \(try p.optionalString("version") ?? "")"
                }.joined(separator: ", "),
            ]
        }
        let plants = try root.object("plants")
        c["plants"] = ["total": try count(plants, "total"), "diagnosed": try count(plants, "diagnosed"), "failed": try count(plants, "failed")]
        let totals = try root.object("totals")
        var totalsRow: [String: Any] = ["measures": try count(totals, "measures")]
        try money(totals, into: &totalsRow)
        c["totals"] = totalsRow

        let sectors = try root.array("by_sector")
        c["by_sector"] = try sectors.map { s throws(ReportDocumentError) in
            var row: [String: Any] = [
                "sector": labels.named("sector", try s.string("sector")), "plants": try count(s, "plants"),
                "failed": try count(s, "failed"), "measures": try count(s, "measures"),
                "plants_breaking_limit": try count(s, "plants_breaking_limit"),
            ]
            try money(s, into: &row)
            return row
        }
        let categories = try root.array("by_category")
        c["by_category"] = try categories.map { s throws(ReportDocumentError) in
            var row: [String: Any] = [
                "category": labels.named("category", try s.string("category")), "findings": try count(s, "findings"),
                "measures": try count(s, "measures"),
            ]
            try money(s, into: &row)
            return row
        }
        let measures = try root.array("by_measure")
        c["by_measure"] = try measures.map { m throws(ReportDocumentError) in
            var row: [String: Any] = ["rule": try m.string("rule"), "title": try text(m, "title_zh", "title_en"), "plants": try count(m, "plants")]
            try money(m, into: &row)
            return row
        }
        let violations = try root.array("limit_violations", required: false)
        if !violations.isEmpty {
            c["limit_violations"] = try violations.map { v throws(ReportDocumentError) in
                [
                    "plant_id": try v.string("plant_id"), "plant_name": try v.string("plant_name"),
                    "sector": labels.named("sector", try v.string("sector")), "rule": try v.string("rule"),
                    "indicator": try text(v, "indicator_zh", "indicator_en"), "value": ReportNumber.value(try v.number("value")),
                    "unit": try v.string("unit"), "limit": try v.optionalNumber("limit").map(ReportNumber.value) ?? "–",
                    "standard": try v.string("standard"),
                ] as [String: Any]
            }
        }
        let equipment = try root.array("outdated_equipment", required: false)
        if !equipment.isEmpty {
            c["outdated_equipment"] = try equipment.map { e throws(ReportDocumentError) in
                ["type": labels.named("equipment", try e.string("type")), "count": try count(e, "count"), "plants": try count(e, "plants")]
            }
        }
        let leaders = try root.array("leaders", required: false)
        let laggards = try root.array("laggards", required: false)
        if !leaders.isEmpty { c["leaders"] = try leaders.map(rankRow) }
        if !laggards.isEmpty { c["laggards"] = try laggards.map(rankRow) }
        let failures = try root.array("failures", required: false)
        if !failures.isEmpty {
            c["failures"] = try failures.map { f throws(ReportDocumentError) in
                ["file": try f.string("file"), "location": try f.optionalString("location") ?? "", "reason": try f.string("reason")]
            }
        }
        c["plant_list"] = try root.array("plant_list", required: false).map { p throws(ReportDocumentError) in
            let status = try p.string("status")
            var row: [String: Any] = [
                "plant_id": try p.optionalString("plant_id") ?? "", "plant_name": try p.optionalString("plant_name") ?? "",
                "sector": labels.named("sector", try p.optionalString("sector") ?? ""), "file": try p.string("file"),
                "status": labels.named("status", status), "failed": status == "failed",
                "measures": try count(p, "measures"), "tce": ReportNumber.fixed(try p.number("tce_per_year"), 1),
                "yuan_wan": ReportNumber.wan(try p.number("yuan_per_year")),
                "investment_wan": ReportNumber.wan(try p.number("investment_yuan")),
                "limit_violations": try count(p, "limit_violations"), "outdated_equipment": try count(p, "outdated_equipment"),
                "rule_errors": try count(p, "rule_errors"),
            ]
            if status == "failed" { row["failed"] = true }
            return row
        }

        var charts: [String: Any] = [:]
        charts["by_sector"] = try BarChart(
            id: "portfolio-sectors", title: labels["chart_tce_by_sector"], unit: "tce/a",
            bars: sectors.map { s throws(ReportDocumentError) in
                let tce = try s.number("tce_per_year")
                return BarChart.Bar(label: labels.named("sector", try s.string("sector")), value: tce,
                                    valueText: ReportNumber.fixed(tce, 1), color: "#2f6f9f")
            }).svg()
        charts["by_category"] = try BarChart(
            id: "portfolio-categories", title: labels["chart_tce_by_category"], unit: "tce/a",
            bars: categories.filter { (try? $0.number("tce_per_year")) != 0 }.map { s throws(ReportDocumentError) in
                let tce = try s.number("tce_per_year")
                return BarChart.Bar(label: labels.named("category", try s.string("category")), value: tce,
                                    valueText: ReportNumber.fixed(tce, 1), color: "#3a8f5c")
            }).svg()
        charts["top_measures"] = try BarChart(
            id: "portfolio-top-measures", title: labels["chart_top_measures"], unit: "tce/a",
            bars: measures.prefix(10).map { m throws(ReportDocumentError) in
                let tce = try m.number("tce_per_year")
                return BarChart.Bar(label: try text(m, "title_zh", "title_en"), value: tce, valueText: ReportNumber.fixed(tce, 1),
                                    color: "#3a8f5c", tooltip: "\(try m.string("rule")): \(ReportNumber.fixed(tce, 1)) tce/a")
            }).svg()
        if !leaders.isEmpty { charts["leaders"] = try rankChart(leaders, id: "portfolio-leaders", title: labels["chart_leaders"], color: "#2e8b57") }
        if !laggards.isEmpty { charts["laggards"] = try rankChart(laggards, id: "portfolio-laggards", title: labels["chart_laggards"], color: "#e06c5b") }
        c["charts"] = charts
        return withListFlags(c)
    }

    private func rankRow(_ r: DocumentReader) throws(ReportDocumentError) -> [String: Any] {
        [
            "sector": labels.named("sector", try r.string("sector")), "rule": try r.string("rule"),
            "indicator": try text(r, "indicator_zh", "indicator_en"), "plant_id": try r.string("plant_id"),
            "plant_name": try r.string("plant_name"), "value": ReportNumber.value(try r.number("value")), "unit": try r.string("unit"),
            "grade1": try r.optionalNumber("grade1").map(ReportNumber.value) ?? "–",
            "ratio": try r.optionalNumber("ratio_to_grade1").map { ReportNumber.fixed($0, 3) } ?? "–",
        ]
    }

    /// Plants' value ÷ grade 1, with a line at 1 (a bar left of it is better than grade 1).
    private func rankChart(_ rows: [DocumentReader], id: String, title: String, color: String) throws(ReportDocumentError) -> String {
        var bars: [BarChart.Bar] = []
        for r in rows {
            guard let ratio = try r.optionalNumber("ratio_to_grade1") else { continue }
            let label = "\(try r.string("plant_name")) · \(try text(r, "indicator_zh", "indicator_en"))"
            bars.append(BarChart.Bar(label: label, value: ratio, valueText: ReportNumber.fixed(ratio, 3), color: color,
                                     tooltip: "\(label): \(ReportNumber.value(try r.number("value"))) \(try r.string("unit"))"))
        }
        return BarChart(id: id, title: title, unit: labels["chart_ratio_to_grade1"], bars: bars,
                        reference: (1, labels["chart_grade1_line"])).svg()
    }
}
