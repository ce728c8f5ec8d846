import EdiagModel

/// The values the plant templates see (`docs/reports.md` lists them), built from a stored diagnosis document
/// so that a batch can render results it wrote earlier.
struct PlantReportModel {
    let plant: PlantDocument
    let language: ReportLanguage
    let labels: ReportLabels

    init(document: JSONValue, language: ReportLanguage, labels: ReportLabels) throws(ReportDocumentError) {
        self.plant = try PlantDocument(document: document, language: language)
        self.language = language
        self.labels = labels
    }

    private var measures: [PlantDocument.Finding] { plant.findings.filter { $0.economics != nil } }

    /// Yuan per tce of the energy the measures save (Σ carrier yuan ÷ Σ carrier tce over priced savings);
    /// the line of the supply curve. Nil when no saving is priced.
    var energyValueYuanPerTce: Double? {
        var yuan = 0.0, tce = 0.0
        for f in measures { for s in f.economics!.savings where s.tce > 0 { if let y = s.yuan { yuan += y; tce += s.tce } } }
        return tce > 0 ? yuan / tce : nil
    }

    func context(style: String) -> [String: Any] {
        var c: [String: Any] = [
            "lang": language.rawValue,
            "l": labels.texts,
            "style": style,
            "plant": [
                "id": plant.id, "name": plant.name, "sector": plant.sector,
                "sector_label": labels.named("sector", plant.sector), "assessment_date": plant.assessmentDate,
                "source": plant.source,
            ] as [String: Any],
            "summary": summary(),
            "csv_rows": plant.findings.map(csvRow),
        ]
        if let version = plant.ediagVersion {
            c["run"] = ["ediag_version": version, "plugins": plant.plugins.joined(separator: ", ")]
        }
        let compliance = plant.findings.filter { $0.compliance != nil }
        if !compliance.isEmpty {
            c["compliance"] = compliance.map(complianceRow)
            c["indicator_charts"] = compliance.enumerated().map { ["svg": indicatorChart($0.element, index: $0.offset + 1)] }
        }
        let outdated = plant.findings.filter { $0.category == "outdated_equipment" }
        if !outdated.isEmpty { c["outdated"] = outdated.map(outdatedRow) }
        if !measures.isEmpty {
            c["measures"] = measures.map(measureRow)
            if measures.contains(where: { ($0.economics!.cce ?? -1) >= 0 && $0.economics!.tce > 0 }) {
                c["supply_curve"] = supplyCurve()
            }
            c["savings_chart"] = savingsChart()
        }
        let others = plant.findings.filter { $0.compliance == nil && $0.economics == nil && $0.category != "outdated_equipment" }
        if !others.isEmpty {
            c["other_findings"] = others.map { f in
                ["priority": String(f.priority), "severity": labels.named("severity", f.severity), "severity_code": f.severity,
                 "title": f.title, "subject": f.subject, "message": f.message, "rule": f.rule]
            }
        }
        let open = plant.outcomes.filter { $0.status == "insufficient_data" || $0.status == "failed" }
        if !open.isEmpty {
            c["not_determined"] = open.map { o in
                var row: [String: Any] = ["rule": o.rule, "status": labels.named("status", o.status), "detail": o.detail]
                if let s = o.subject { row["subject"] = s }
                if !o.needs.isEmpty { row["needs"] = o.needs.joined(separator: ", ") }
                return row
            }
        }
        if !plant.warnings.isEmpty { c["warnings"] = plant.warnings.map { ["text": $0] } }
        return withListFlags(c)
    }

    // MARK: - Summary

    private func summary() -> [String: Any] {
        let economics = measures.map { $0.economics! }
        let tce = economics.reduce(0) { $0 + $1.tce }
        let co2 = economics.reduce(0) { $0 + $1.co2 }
        let yuan = economics.reduce(0) { $0 + ($1.yuan ?? 0) }
        let investment = economics.reduce(0) { $0 + $1.investment }
        // "Must by law": limits not met, equipment confirmed on an elimination catalogue, and critical
        // benchmark findings (a plant under the NDRC baseline must renovate or close by the policy's date).
        let obligations = plant.findings.filter {
            ($0.category == "compliance" && $0.compliance?.grade == "not_met")
                || (["outdated_equipment", "benchmark"].contains($0.category) && $0.severity == "critical")
        }
        // "Should because it pays": measures whose NPV is positive.
        let paying = measures.filter { ($0.economics!.npv ?? -1) > 0 }
        var s: [String: Any] = [
            "measures": String(economics.count),
            "tce": ReportNumber.fixed(tce, 1), "co2": ReportNumber.fixed(co2, 1),
            "yuan_wan": ReportNumber.wan(yuan), "investment_wan": ReportNumber.wan(investment),
            "payback": yuan > 0 ? ReportNumber.fixed(investment / yuan, 1) : labels["never"],
            "obligation_count": String(obligations.count),
            "paying_count": String(paying.count),
            "paying_tce": ReportNumber.fixed(paying.reduce(0) { $0 + $1.economics!.tce }, 1),
            "paying_yuan_wan": ReportNumber.wan(paying.reduce(0) { $0 + ($1.economics!.yuan ?? 0) }),
            "paying_investment_wan": ReportNumber.wan(paying.reduce(0) { $0 + $1.economics!.investment }),
        ]
        if !obligations.isEmpty {
            s["obligations"] = obligations.map { ["priority": String($0.priority), "title": $0.title, "subject": $0.subject, "message": $0.message] }
        }
        if !paying.isEmpty {
            s["paying"] = paying.map { f in
                ["priority": String(f.priority), "title": f.title, "subject": f.subject,
                 "tce": ReportNumber.fixed(f.economics!.tce, 1), "npv_wan": ReportNumber.wan(f.economics!.npv ?? 0)]
            }
        }
        return withListFlags(s)
    }

    // MARK: - Tables

    private func threshold(_ c: PlantDocument.Compliance, _ i: Int) -> String {
        i < c.thresholds.count ? c.thresholds[i].map(ReportNumber.value) ?? "–" : "–"
    }

    private func complianceRow(_ f: PlantDocument.Finding) -> [String: Any] {
        let c = f.compliance!
        var row: [String: Any] = [
            "priority": String(f.priority), "indicator": c.indicator, "subject": f.subject, "rule": f.rule,
            "value": ReportNumber.value(c.value), "unit": c.unit,
            "grade1": threshold(c, 0), "grade2": threshold(c, 1), "grade3": threshold(c, 2),
            "result": labels.named("grade", c.grade), "grade_code": c.grade, "not_met": c.grade == "not_met",
            "standard": c.standard, "better": labels.named("better", c.lowerIsBetter ? "lower" : "higher"),
        ]
        if let e = c.effective { row["effective"] = e }
        if let r = c.replaces { row["replaces"] = r }
        if let b = c.benchmark { row["benchmark"] = ReportNumber.value(b) }
        if let b = c.baseline { row["baseline"] = ReportNumber.value(b) }
        if let g = c.gapToBenchmarkTce { row["gap_tce"] = ReportNumber.fixed(g, 1) }
        if let u = c.upcoming {
            row["upcoming"] = ["standard": u.standard, "effective": u.effective, "result": labels.named("grade", u.grade)]
        }
        return row
    }

    private func outdatedRow(_ f: PlantDocument.Finding) -> [String: Any] {
        var row: [String: Any] = [
            "priority": String(f.priority), "subject": f.subject, "title": f.title, "entry": f.message, "rule": f.rule,
            "severity": labels.named("severity", f.severity), "confirmed": f.severity == "critical",
            "catalogue": f.references.map { r -> [String: Any] in
                var ref: [String: Any] = ["standard": r.standard]
                if let clause = r.clause { ref["clause"] = clause }
                return ref
            },
        ]
        if let model = f.evidence.first(where: { $0.name == "model" })?.value { row["model"] = model }
        return row
    }

    private func savingsText(_ e: PlantDocument.Economics) -> String {
        e.savings.map { "\(ReportNumber.fixed($0.amount, $0.unit == "kWh" ? 0 : 1)) \($0.unit) \(labels.carrier($0.carrier, language))" }
            .joined(separator: "; ")
    }

    private func measureRow(_ f: PlantDocument.Finding) -> [String: Any] {
        let e = f.economics!
        var row: [String: Any] = [
            "priority": String(f.priority), "title": f.title, "subject": f.subject, "rule": f.rule, "measure": e.measure,
            "message": f.message, "tce": ReportNumber.fixed(e.tce, 1),
            "tce_low": ReportNumber.fixed(e.tce * e.rangeLow, 1), "tce_high": ReportNumber.fixed(e.tce * e.rangeHigh, 1),
            "savings": savingsText(e), "co2": ReportNumber.fixed(e.co2, 1),
            "investment_wan": ReportNumber.wan(e.investment), "lifetime": ReportNumber.value(e.lifetime),
            "payback": e.payback.map { ReportNumber.fixed($0, 1) } ?? labels["never"],
            "confidence": labels.named("confidence", e.confidence), "confidence_code": e.confidence,
            "pays": (e.npv ?? -1) > 0,
        ]
        row["yuan_wan"] = e.yuan.map(ReportNumber.wan) ?? "–"
        row["npv_wan"] = e.npv.map(ReportNumber.wan) ?? "–"
        row["irr"] = e.irr.map(ReportNumber.percent) ?? "–"
        row["cce"] = e.cce.map { ReportNumber.fixed($0, 0) } ?? "–"
        if !e.notes.isEmpty { row["notes"] = e.notes.map { ["text": $0] } }
        return row
    }

    /// Every column is set (empty when it does not apply), so a template never picks up an outer value.
    static let csvColumns = [
        "indicator", "value", "unit", "grade1", "grade2", "grade3", "grade", "tce", "kwh", "fuel", "co2", "yuan",
        "investment", "payback", "npv", "cce", "confidence",
    ]

    private func csvRow(_ f: PlantDocument.Finding) -> [String: Any] {
        var row: [String: Any] = Dictionary(uniqueKeysWithValues: Self.csvColumns.map { ($0, "") })
        row.merge([
            "plant_id": plant.id, "plant_name": plant.name, "priority": String(f.priority),
            "category": labels.named("category", f.category), "severity": labels.named("severity", f.severity),
            "rule": f.rule, "subject": f.subject, "title": f.title, "message": f.message,
            "standard": f.compliance?.standard ?? f.references.first?.standard ?? "",
        ]) { $1 }
        if let c = f.compliance {
            row["indicator"] = c.indicator
            row["value"] = ReportNumber.cell(c.value)
            row["unit"] = c.unit
            row["grade"] = labels.named("grade", c.grade)
            for i in 0..<3 { row["grade\(i + 1)"] = ReportNumber.cell(i < c.thresholds.count ? c.thresholds[i] : nil) }
        }
        if let e = f.economics {
            row["tce"] = ReportNumber.cell(e.tce)
            let electricity = e.savings.filter { $0.unit == "kWh" }
            if !electricity.isEmpty { row["kwh"] = ReportNumber.cell(electricity.reduce(0) { $0 + $1.amount }) }
            row["fuel"] = e.savings.filter { $0.unit != "kWh" }
                .map { "\(ReportNumber.cell($0.amount)) \($0.unit) \(labels.carrier($0.carrier, language))" }.joined(separator: "; ")
            row["co2"] = ReportNumber.cell(e.co2)
            row["yuan"] = ReportNumber.cell(e.yuan)
            row["investment"] = ReportNumber.cell(e.investment)
            row["payback"] = ReportNumber.cell(e.payback)
            row["npv"] = ReportNumber.cell(e.npv)
            row["cce"] = ReportNumber.cell(e.cce)
            row["confidence"] = labels.named("confidence", e.confidence)
        }
        return row
    }

    // MARK: - Charts

    private func indicatorChart(_ f: PlantDocument.Finding, index: Int) -> String {
        let c = f.compliance!
        return IndicatorChart(
            id: "indicator-\(index)", title: "\(c.indicator) · \(f.subject) · \(c.standard)", unit: c.unit, value: c.value,
            thresholds: c.thresholds, lowerIsBetter: c.lowerIsBetter, benchmark: c.benchmark, baseline: c.baseline,
            gradeNames: ["grade_1", "grade_2", "grade_3", "not_met"].map { labels.named("grade", $0) },
            valueLabel: labels["chart_actual"], benchmarkLabel: labels["chart_benchmark"], baselineLabel: labels["chart_baseline"]
        ).svg()
    }

    private func supplyCurve() -> String {
        let points = measures.compactMap { f -> SupplyCurveChart.Measure? in
            guard let cce = f.economics!.cce else { return nil }
            return SupplyCurveChart.Measure(mark: "#\(f.priority)", name: "\(f.title) (\(f.subject))", tcePerYear: f.economics!.tce,
                                            cceYuanPerTce: cce)
        }
        return SupplyCurveChart(id: "supply-curve", title: labels["chart_supply_curve"], xAxis: labels["chart_supply_curve_x"],
                                yAxis: labels["chart_supply_curve_y"], priceLabel: labels["chart_energy_price"],
                                energyPrice: energyValueYuanPerTce, measures: points).svg()
    }

    /// Savings by measure type (`economics.measure`), named by the first finding of each type.
    private func savingsChart() -> String {
        var order: [String] = []
        var totals: [String: (name: String, tce: Double, count: Int)] = [:]
        for f in measures {
            let e = f.economics!
            if let t = totals[e.measure] { totals[e.measure] = (t.name, t.tce + e.tce, t.count + 1) } else {
                order.append(e.measure)
                totals[e.measure] = (f.title, e.tce, 1)
            }
        }
        let bars = order.map { key -> BarChart.Bar in
            let t = totals[key]!
            let label = t.count > 1 ? "\(t.name) ×\(t.count)" : t.name
            return BarChart.Bar(label: label, value: t.tce, valueText: ReportNumber.fixed(t.tce, 1), color: "#3a8f5c")
        }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.label < $1.label }
        return BarChart(id: "savings-by-type", title: labels["chart_savings_by_type"], unit: "tce/a", bars: bars).svg()
    }
}
