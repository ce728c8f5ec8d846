public import EdiagModel

/// The plain-text rendering of a diagnosis for terminals (Markdown, HTML and CSV come from `ReportRenderer`).
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
        if t.overlap.tcePerYear != 0 {
            out += zh
                ? "（相互重叠的措施只计一次：比逐项相加少 \(NumberFormat.grouped(t.overlap.tcePerYear, decimals: 1)) tce/a）\n"
                : "(overlapping measures counted once: \(NumberFormat.grouped(t.overlap.tcePerYear, decimals: 1)) tce/a less than their plain sum)\n"
        }
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
}
