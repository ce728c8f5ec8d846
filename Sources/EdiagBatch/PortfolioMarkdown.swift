public import EdiagModel
import Foundation

/// The portfolio summary as Markdown tables (`portfolio.md`), in Chinese or English.
public enum PortfolioMarkdown {
    /// Renders the summary.
    public static func render(_ p: Portfolio, language: ReportLanguage) -> String {
        let zh = language == .zh
        func t(_ zhText: String, _ en: String) -> String { zh ? zhText : en }
        func n(_ v: Double) -> String { NumberFormat.grouped(v, decimals: 1) }
        func money(_ yuan: Double) -> String { NumberFormat.grouped(yuan / 10_000, decimals: 1) }
        func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        func table(_ header: [String], _ rows: [[String]]) -> String {
            var out = "| " + header.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: header.count) + "\n"
            for row in rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
            return out + "\n"
        }

        var out = "# \(t("节能诊断汇总", "Portfolio summary"))\n\n"
        out += t("企业 \(p.total) 家：已诊断 \(p.diagnosed) 家，失败 \(p.failed) 家。",
                 "\(p.total) plants: \(p.diagnosed) diagnosed, \(p.failed) failed.") + "\n\n"
        let s = p.totals
        out += t("措施 \(s.measures) 项，年节能 \(n(s.tce)) tce，减排 CO2 \(n(s.co2)) t，年节约 \(money(s.yuan)) 万元，投资 \(money(s.investment)) 万元。",
                 "\(s.measures) measures: \(n(s.tce)) tce/a, \(n(s.co2)) t CO2/a, \(money(s.yuan)) 10k yuan/a saved, \(money(s.investment)) 10k yuan invested.")
            + "\n\n"

        out += "## \(t("按行业", "By sector"))\n\n"
        out += table([t("行业", "sector"), t("企业", "plants"), t("失败", "failed"), t("措施", "measures"), "tce/a", "t CO2/a",
                      t("年节约（万元）", "saving/a (10k yuan)"), t("投资（万元）", "investment (10k yuan)"), t("超限额企业", "plants over a limit")],
                     p.sectors.keys.sorted(by: Portfolio.byteOrder).map { key in
                         let r = p.sectors[key]!
                         return [key, "\(r.plants)", "\(r.failed)", "\(r.sums.measures)", n(r.sums.tce), n(r.sums.co2),
                                 money(r.sums.yuan), money(r.sums.investment), "\(r.breakingLimit)"]
                     })

        out += "## \(t("按类别", "By category"))\n\n"
        out += table([t("类别", "category"), t("发现", "findings"), t("措施", "measures"), "tce/a", t("年节约（万元）", "saving/a (10k yuan)"),
                      t("投资（万元）", "investment (10k yuan)")],
                     p.categories.keys.sorted(by: Portfolio.byteOrder).map { key in
                         let r = p.categories[key]!
                         return [key, "\(r.findings)", "\(r.sums.measures)", n(r.sums.tce), money(r.sums.yuan), money(r.sums.investment)]
                     })

        if !p.measures.isEmpty {
            out += "## \(t("按措施", "By measure"))\n\n"
            out += table([t("措施", "measure"), t("规则", "rule"), t("企业", "plants"), "tce/a", t("年节约（万元）", "saving/a (10k yuan)"),
                          t("投资（万元）", "investment (10k yuan)")],
                         p.measureOrder.map { key in
                             let m = p.measures[key]!
                             return [zh ? m.titleZh : m.titleEn, key, "\(m.plants)", n(m.sums.tce), money(m.sums.yuan), money(m.sums.investment)]
                         })
        }

        let violations = p.sortedViolations
        if !violations.isEmpty {
            out += "## \(t("未达能耗限额的企业", "Plants breaking a mandatory limit"))\n\n"
            out += table([t("企业", "plant"), t("行业", "sector"), t("指标", "indicator"), t("实际值", "value"), t("限定值", "limit"),
                          t("标准", "standard")],
                         violations.map { v in
                             ["\(v.plantName) (\(v.plantID))", v.sector, zh ? v.indicator.indicatorZh : v.indicator.indicatorEn,
                              "\(n(v.indicator.value)) \(v.indicator.unit)", v.indicator.limit.map(n) ?? "–", v.indicator.standard]
                         })
        }

        if !p.outdated.isEmpty {
            out += "## \(t("淘汰落后设备", "Outdated equipment"))\n\n"
            out += table([t("类型", "type"), t("数量", "count"), t("企业", "plants")],
                         p.outdatedOrder.map { [$0, "\(p.outdated[$0]!.count)", "\(p.outdated[$0]!.plants)"] })
        }

        let ranked = p.rankedLists
        for (title, list) in [(t("能效领跑企业", "Leading plants (against grade 1)"), ranked.leaders),
                              (t("能效落后企业", "Lagging plants (against grade 1)"), ranked.laggards)] where !list.isEmpty {
            out += "## \(title)\n\n"
            out += table([t("行业", "sector"), t("指标", "indicator"), t("企业", "plant"), t("实际值", "value"), t("1级", "grade 1"),
                          t("与1级之比", "ratio to grade 1")],
                         list.map { sector, r in
                             [sector, zh ? r.indicator.indicatorZh : r.indicator.indicatorEn, "\(r.plantName) (\(r.plantID))",
                              "\(n(r.indicator.value)) \(r.indicator.unit)", r.indicator.grade1.map(n) ?? "–",
                              NumberFormat.grouped(r.ratio, decimals: 2)]
                         })
        }

        let failures = p.sortedFailures
        if !failures.isEmpty {
            out += "## \(t("失败", "Failures"))\n\n"
            out += table([t("文件", "file"), t("位置", "location"), t("原因", "reason")], failures.map { [$0.file, $0.location, $0.reason] })
        }
        return out
    }
}
