public import EdiagModel

/// Plain-text and Markdown renderings of a diagnosis for terminals and hand-offs.
public enum TextReport {
    static func money(_ yuan: Double?) -> String {
        guard let yuan else { return "–" }
        return NumberFormat.grouped(yuan / 10_000, decimals: 1) + " 万元"
    }

    static func years(_ y: Double?) -> String { y.map { NumberFormat.grouped($0, decimals: 1) + " a" } ?? "never" }

    /// A terminal report in the chosen language.
    public static func text(_ d: Diagnosis, language: ReportLanguage) -> String {
        let zh = language == .zh
        var out = ""
        out += "\(d.plantName) (\(d.plantID)) — \(d.sector), \(zh ? "评估日期" : "assessed") \(d.assessmentDate)\n"
        out += String(repeating: "=", count: 72) + "\n"
        let t = d.totals
        out += zh
            ? "措施 \(t.count) 项：年节能 \(NumberFormat.grouped(t.tcePerYear, decimals: 1)) tce，减排 CO2 \(NumberFormat.grouped(t.co2TonnesPerYear, decimals: 1)) t，年节约 \(money(t.yuanPerYear))，投资 \(money(t.investmentYuan))\n"
            : "\(t.count) measures: \(NumberFormat.grouped(t.tcePerYear, decimals: 1)) tce/a, \(NumberFormat.grouped(t.co2TonnesPerYear, decimals: 1)) t CO2/a, \(money(t.yuanPerYear))/a saved, \(money(t.investmentYuan)) invested\n"
        for f in d.findings {
            out += "\n#\(f.priority) [\(f.severity.rawValue)] \(f.title.text(language)) — \(f.subject)\n"
            out += "   \(f.message.text(language))\n"
            if let e = f.economics {
                out += "   \(NumberFormat.grouped(e.tcePerYear, decimals: 1)) tce/a (\(NumberFormat.grouped(e.tcePerYear * e.rangeLow, decimals: 1))–\(NumberFormat.grouped(e.tcePerYear * e.rangeHigh, decimals: 1))), "
                out += "\(NumberFormat.grouped(e.co2TonnesPerYear, decimals: 1)) t CO2/a, \(money(e.yuanPerYear))/a, "
                out += "\(zh ? "投资" : "investment") \(money(e.investmentYuan)), \(zh ? "回收期" : "payback") \(years(e.simplePaybackYears)), "
                out += "NPV \(money(e.npvYuan)), \(zh ? "置信度" : "confidence") \(e.confidence)\n"
                for note in e.notes { out += "   note: \(note)\n" }
            }
            let refs = f.references.map { r in r.clause.map { "\(r.standard) \($0)" } ?? r.standard }
            if !refs.isEmpty { out += "   \(zh ? "依据" : "source"): \(refs.joined(separator: "; "))\n" }
            out += "   rule: \(f.ruleID)\n"
        }
        let undetermined = d.outcomes.filter { $0.status == .insufficientData }
        if !undetermined.isEmpty {
            out += "\n\(zh ? "无法判定（缺少数据）" : "Cannot be determined (data needed)"):\n"
            for o in undetermined { out += "  - \(o.ruleID)\(o.subject.map { " (\($0))" } ?? ""): \(o.detail)\n" }
        }
        let failed = d.outcomes.filter { $0.status == .failed }
        if !failed.isEmpty {
            out += "\n\(zh ? "规则执行错误" : "Rule errors"):\n"
            for o in failed { out += "  - \(o.ruleID): \(o.detail)\n" }
        }
        if !d.warnings.isEmpty {
            out += "\n\(zh ? "警告" : "Warnings"):\n"
            for w in d.warnings { out += "  - \(w)\n" }
        }
        return out
    }

    /// A Markdown report: summary, compliance table, outdated equipment, measures.
    public static func markdown(_ d: Diagnosis, language: ReportLanguage) -> String {
        let zh = language == .zh
        var out = "# \(d.plantName) (\(d.plantID))\n\n"
        out += "\(zh ? "行业" : "Sector"): \(d.sector) · \(zh ? "评估日期" : "Assessment date"): \(d.assessmentDate)\n\n"
        let t = d.totals
        out += "## \(zh ? "摘要" : "Summary")\n\n"
        out += "| \(zh ? "项目" : "item") | \(zh ? "数值" : "value") |\n|---|---|\n"
        out += "| \(zh ? "措施数" : "measures") | \(t.count) |\n"
        out += "| tce/a | \(NumberFormat.grouped(t.tcePerYear, decimals: 1)) |\n"
        out += "| t CO2/a | \(NumberFormat.grouped(t.co2TonnesPerYear, decimals: 1)) |\n"
        out += "| \(zh ? "年节约" : "saving per year") | \(money(t.yuanPerYear)) |\n"
        out += "| \(zh ? "投资" : "investment") | \(money(t.investmentYuan)) |\n\n"
        let compliance = d.findings.filter { $0.compliance != nil }
        if !compliance.isEmpty {
            out += "## \(zh ? "能耗限额符合性" : "Energy-consumption limits")\n\n"
            out += "| \(zh ? "指标" : "indicator") | \(zh ? "对象" : "subject") | \(zh ? "实际值" : "actual") | 1/2/3 | \(zh ? "结果" : "result") | \(zh ? "标准" : "standard") |\n|---|---|---|---|---|---|\n"
            for f in compliance {
                let c = f.compliance!
                let th = c.thresholds.map { $0.map { NumberFormat.plain($0) } ?? "–" }.joined(separator: "/")
                out += "| \(c.indicator.text(language)) | \(f.subject) | \(NumberFormat.grouped(c.value, decimals: 1)) \(c.unit) | \(th) | \(c.grade.label.text(language)) | \(c.standard) |\n"
            }
            out += "\n"
        }
        let outdated = d.findings.filter { $0.category == .outdatedEquipment }
        if !outdated.isEmpty {
            out += "## \(zh ? "淘汰落后设备" : "Outdated equipment")\n\n"
            for f in outdated { out += "- **\(f.subject)**: \(f.message.text(language))\n" }
            out += "\n"
        }
        let measures = d.findings.filter { $0.economics != nil }
        if !measures.isEmpty {
            out += "## \(zh ? "节能措施（按优先级）" : "Recommended measures (priority order)")\n\n"
            out += "| # | \(zh ? "措施" : "measure") | \(zh ? "对象" : "subject") | tce/a | t CO2/a | \(zh ? "年节约" : "saving/a") | \(zh ? "投资" : "investment") | \(zh ? "回收期" : "payback") | \(zh ? "置信度" : "confidence") |\n|---|---|---|---|---|---|---|---|---|\n"
            for f in measures {
                let e = f.economics!
                out += "| \(f.priority) | \(f.title.text(language)) | \(f.subject) | \(NumberFormat.grouped(e.tcePerYear, decimals: 1)) | \(NumberFormat.grouped(e.co2TonnesPerYear, decimals: 1)) | \(money(e.yuanPerYear)) | \(money(e.investmentYuan)) | \(years(e.simplePaybackYears)) | \(e.confidence) |\n"
            }
            out += "\n"
        }
        let others = d.findings.filter { $0.compliance == nil && $0.economics == nil && $0.category != .outdatedEquipment }
        if !others.isEmpty {
            out += "## \(zh ? "其他发现" : "Other findings")\n\n"
            for f in others { out += "- [\(f.severity.rawValue)] \(f.title.text(language)) (\(f.subject)): \(f.message.text(language))\n" }
            out += "\n"
        }
        let undetermined = d.outcomes.filter { $0.status == .insufficientData || $0.status == .failed }
        if !undetermined.isEmpty {
            out += "## \(zh ? "未能判定" : "Not determined")\n\n"
            for o in undetermined { out += "- \(o.ruleID)\(o.subject.map { " (\($0))" } ?? ""): \(o.status.rawValue) — \(o.detail)\n" }
        }
        return out
    }
}
