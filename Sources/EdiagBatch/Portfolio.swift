public import EdiagReport
import EdiagModel
import Foundation

/// The portfolio summary of a batch (`ediag/portfolio@1`, documented in `docs/output.md`), built
/// from plant records one at a time.
///
/// It keeps only what the summary lists: sums per sector, category and measure, the limit
/// violations, the failures, one short row per plant, and for leaders and laggards the best and
/// worst three plants per sector and indicator.
public struct Portfolio {
    /// Schema name of the document.
    public static let schemaVersion = "ediag/portfolio@1"

    struct Sums {
        var measures = 0
        var tce = 0.0, co2 = 0.0, yuan = 0.0, investment = 0.0

        mutating func merge(_ other: Sums) {
            measures += other.measures
            tce += other.tce
            co2 += other.co2
            yuan += other.yuan
            investment += other.investment
        }

        mutating func add(_ m: PlantRecord.Measure) {
            measures += 1
            tce += m.tcePerYear
            co2 += m.co2TonnesPerYear
            yuan += m.yuanPerYear ?? 0
            investment += m.investmentYuan
        }

        var pairs: [(String, JSONValue)] {
            [("measures", .number(Double(measures))), ("tce_per_year", .number(tce)), ("co2_tonnes_per_year", .number(co2)),
             ("yuan_per_year", .number(yuan)), ("investment_yuan", .number(investment))]
        }
    }

    struct SectorRow { var plants = 0, failed = 0, breakingLimit = 0; var sums = Sums() }
    struct CategoryRow { var findings = 0; var sums = Sums() }
    struct MeasureRow { var titleZh = "", titleEn = ""; var plants = 0; var sums = Sums() }

    /// One plant on a leader or laggard list.
    struct Ranked {
        var plantID: String, plantName: String
        var indicator: PlantRecord.Indicator
        var ratio: Double
    }

    /// The best and worst three plants of one sector and indicator.
    struct RankGroup {
        var count = 0
        var best: [Ranked] = []
        var worst: [Ranked] = []

        mutating func add(_ r: Ranked) {
            count += 1
            best = Array((best + [r]).sorted { ($0.ratio, $0.plantID) < ($1.ratio, $1.plantID) }.prefix(3))
            worst = Array((worst + [r]).sorted { ($0.ratio, $1.plantID) > ($1.ratio, $0.plantID) }.prefix(3))
        }
    }

    /// A plant's row in `plant_list` and `plants.csv`.
    public struct PlantRow: Sendable, Equatable {
        public var plantID: String, plantName: String, sector: String, file: String, status: String
        public var measures: Int
        public var tcePerYear: Double, co2TonnesPerYear: Double, yuanPerYear: Double, investmentYuan: Double
        public var limitViolations: Int, outdatedEquipment: Int, ruleErrors: Int
        /// Profile errors of a failed plant, `location path: reason` joined with `; `.
        public var errors: String

        /// The row of a plant's record.
        public init(_ r: PlantRecord) {
            plantID = r.plantID
            plantName = r.plantName
            sector = r.sector
            file = r.file
            status = r.status.rawValue
            measures = r.measures.count
            // Net of the savings that measures sharing one energy flow would count twice.
            tcePerYear = r.measures.reduce(0) { $0 + $1.tcePerYear } - r.overlap.tcePerYear
            co2TonnesPerYear = r.measures.reduce(0) { $0 + $1.co2TonnesPerYear } - r.overlap.co2TonnesPerYear
            yuanPerYear = r.measures.reduce(0) { $0 + ($1.yuanPerYear ?? 0) } - r.overlap.yuanPerYear
            investmentYuan = r.measures.reduce(0) { $0 + $1.investmentYuan }
            limitViolations = r.limitViolations.count
            outdatedEquipment = r.outdated.reduce(0) { $0 + $1.count }
            ruleErrors = r.ruleErrors
            errors = r.status == .ok ? "" : r.problems.map {
                "\($0.location.isEmpty ? "" : $0.location + " ")\($0.path.isEmpty ? "" : $0.path + ": ")\($0.reason)"
            }.joined(separator: "; ")
        }
    }

    let run: RunRecord
    var total = 0, diagnosed = 0, failed = 0
    var totals = Sums()
    /// Savings not counted in `totals` because measures of one plant share them.
    var overlapTce = 0.0
    var sectors: [String: SectorRow] = [:]
    var categories: [String: CategoryRow] = [:]
    var measures: [String: MeasureRow] = [:]
    var violations: [(sector: String, plantID: String, plantName: String, indicator: PlantRecord.Indicator)] = []
    var outdated: [String: (count: Int, plants: Int)] = [:]
    var ranks: [String: (sector: String, rule: String, indicatorEn: String, group: RankGroup)] = [:]
    var failures: [(file: String, location: String, reason: String)] = []

    /// An empty portfolio for a run.
    public init(run: RunRecord) {
        self.run = run
    }

    /// The sector a failed plant is counted under (its profile could not be read).
    static let unknownSector = "unknown"

    /// Adds one plant's record to the sums and lists (its `plant_list` row is `PlantRow(r)`).
    public mutating func add(_ r: PlantRecord) {
        total += 1
        let sector = r.status == .failed ? Self.unknownSector : r.sector
        sectors[sector, default: SectorRow()].plants += 1
        for p in r.problems {
            let reason = r.status == .failed
                ? (p.path.isEmpty ? p.reason : "\(p.path): \(p.reason)")
                : "rule \(p.path) failed: \(p.reason)"
            failures.append((r.file, p.location, reason))
        }
        guard r.status == .ok else {
            failed += 1
            sectors[sector]!.failed += 1
            return
        }
        diagnosed += 1
        var plantSums = Sums()
        var rulesSeen = Set<String>()
        for m in r.measures {
            plantSums.add(m)
            categories[m.category, default: CategoryRow()].sums.add(m)
            measures[m.rule, default: MeasureRow(titleZh: m.titleZh, titleEn: m.titleEn)].sums.add(m)
            if rulesSeen.insert(m.rule).inserted { measures[m.rule]!.plants += 1 }
        }
        // Plant and sector totals are net of overlaps; by category and by measure each measure counts alone.
        plantSums.tce -= r.overlap.tcePerYear
        plantSums.co2 -= r.overlap.co2TonnesPerYear
        plantSums.yuan -= r.overlap.yuanPerYear
        overlapTce += r.overlap.tcePerYear
        sectors[sector]!.sums.merge(plantSums)
        totals.merge(plantSums)
        for (category, count) in r.findingsByCategory { categories[category, default: CategoryRow()].findings += count }
        let broken = r.limitViolations
        if !broken.isEmpty { sectors[sector]!.breakingLimit += 1 }
        for v in broken { violations.append((sector, r.plantID, r.plantName, v)) }
        for o in r.outdated {
            outdated[o.type, default: (0, 0)].count += o.count
            outdated[o.type]!.plants += 1
        }
        // One value per plant and indicator: the plant's worst subject.
        var worstOfPlant: [String: Ranked] = [:]
        for i in r.indicators where i.better == "lower" {
            guard let g1 = i.grade1, g1 > 0, i.value.isFinite else { continue }
            let key = "\(i.rule)\u{1F}\(i.indicatorEn)"
            let ranked = Ranked(plantID: r.plantID, plantName: r.plantName, indicator: i, ratio: i.value / g1)
            if let earlier = worstOfPlant[key], earlier.ratio >= ranked.ratio { continue }
            worstOfPlant[key] = ranked
        }
        for (key, ranked) in worstOfPlant {
            let groupKey = sector + "\u{1F}" + key
            ranks[groupKey, default: (sector, ranked.indicator.rule, ranked.indicator.indicatorEn, RankGroup())].group.add(ranked)
        }
    }

    // MARK: - The document

    /// Writes the `ediag/portfolio@1` document: the summary, then the plant list. The bytes are
    /// those of the whole document serialized at once (`JSONValue.serialized()`) and a final line
    /// break.
    /// - Parameters:
    ///   - file: where the bytes go.
    ///   - items: each plant's `listItem(_:)`, in input order.
    func write(to file: any PendingFile, items: [String]) throws(BatchOutputError) {
        var text = head.serialized()
        text.removeLast(2)  // "\n}"
        text += ",\n  \"plant_list\": " + (items.isEmpty ? "[]" : "[")
        try file.append(Data(text.utf8))
        // The list goes out in slices, so that it is never one big string.
        let slice = 256
        for start in stride(from: 0, to: items.count, by: slice) {
            var chunk = ""
            for index in start..<min(start + slice, items.count) {
                chunk += (index == 0 ? "\n    " : ",\n    ") + items[index]
            }
            try file.append(Data(chunk.utf8))
        }
        try file.append(Data(((items.isEmpty ? "" : "\n  ]") + "\n}\n").utf8))
    }

    /// A plant's entry in `plant_list` as it appears in the document (indented by four spaces,
    /// without the separator before it).
    static func listItem(_ row: PlantRow) -> String {
        plantJSON(row).serialized().replacingOccurrences(of: "\n", with: "\n    ")
    }

    /// A plant's entry in `plant_list`.
    public static func plantJSON(_ p: PlantRow) -> JSONValue {
        func int(_ n: Int) -> JSONValue { .number(Double(n)) }
        return .object([
            ("plant_id", .string(p.plantID)), ("plant_name", .string(p.plantName)), ("sector", .string(p.sector)),
            ("file", .string(p.file)), ("status", .string(p.status)), ("measures", int(p.measures)),
            ("tce_per_year", .number(p.tcePerYear)), ("yuan_per_year", .number(p.yuanPerYear)),
            ("investment_yuan", .number(p.investmentYuan)), ("limit_violations", int(p.limitViolations)),
            ("outdated_equipment", int(p.outdatedEquipment)), ("rule_errors", int(p.ruleErrors)),
        ])
    }

    /// The document without its last key, `plant_list`.
    public var head: JSONValue {
        .object([
            ("schema", .string(Self.schemaVersion)),
            ("run", .object([
                ("ediag_version", .string(run.ediagVersion)),
                ("plugins", .array(run.plugins.map {
                    .object([("name", .string($0.name)), ("version", .string($0.version)), ("hash", .string($0.hash))])
                })),
                ("configuration_hash", .string(run.configurationHash)),
            ] + (run.notes.isEmpty ? [] : [("notes", .array(run.notes.map { .string($0) }))]))),
            ("plants", .object([("total", int(total)), ("diagnosed", int(diagnosed)), ("failed", int(failed))])),
            ("totals", .object(totals.pairs + [("overlap_tce_per_year", .number(overlapTce))])),
            ("by_sector", .array(sectors.keys.sorted(by: Self.byteOrder).map { key in
                let s = sectors[key]!
                return .object([("sector", .string(key)), ("plants", int(s.plants)), ("failed", int(s.failed))]
                                + s.sums.pairs + [("plants_breaking_limit", int(s.breakingLimit))])
            })),
            ("by_category", .array(categories.keys.sorted(by: Self.byteOrder).map { key in
                let c = categories[key]!
                return .object([("category", .string(key)), ("findings", int(c.findings))] + c.sums.pairs)
            })),
            ("by_measure", .array(measureOrder.map { key in
                let m = measures[key]!
                return .object([("rule", .string(key)), ("title_zh", .string(m.titleZh)), ("title_en", .string(m.titleEn)),
                                ("plants", int(m.plants))] + Array(m.sums.pairs.dropFirst()))
            })),
            ("limit_violations", .array(sortedViolations.map { v in
                .object([("plant_id", .string(v.plantID)), ("plant_name", .string(v.plantName)), ("sector", .string(v.sector)),
                         ("rule", .string(v.indicator.rule)), ("indicator_zh", .string(v.indicator.indicatorZh)),
                         ("indicator_en", .string(v.indicator.indicatorEn)), ("value", .number(v.indicator.value)),
                         ("unit", .string(v.indicator.unit)), ("limit", optional(v.indicator.limit)),
                         ("standard", .string(v.indicator.standard))])
            })),
            ("outdated_equipment", .array(outdatedOrder.map { type in
                .object([("type", .string(type)), ("count", int(outdated[type]!.count)), ("plants", int(outdated[type]!.plants))])
            })),
            ("leaders", .array(rankedLists.leaders.map(rankedJSON))),
            ("laggards", .array(rankedLists.laggards.map(rankedJSON))),
            ("failures", .array(sortedFailures.map {
                .object([("file", .string($0.file)), ("location", .string($0.location)), ("reason", .string($0.reason))])
            })),
        ])
    }

    /// Byte order of the UTF-8 encodings (compared in place, no copies).
    static func byteOrder(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    private func int(_ n: Int) -> JSONValue { .number(Double(n)) }
    private func optional(_ n: Double?) -> JSONValue { n.map { .number($0) } ?? .null }

    /// Measures by tce saved, largest first, then by rule id.
    var measureOrder: [String] {
        measures.keys.sorted { a, b in
            let (x, y) = (measures[a]!.sums.tce, measures[b]!.sums.tce)
            return x != y ? x > y : Self.byteOrder(a, b)
        }
    }

    var sortedViolations: [(sector: String, plantID: String, plantName: String, indicator: PlantRecord.Indicator)] {
        // Positions are sorted, not the entries: an entry is large to move.
        violations.indices.sorted { a, b in
            let (x, y) = (violations[a], violations[b])
            if x.sector != y.sector { return Self.byteOrder(x.sector, y.sector) }
            if x.plantID != y.plantID { return Self.byteOrder(x.plantID, y.plantID) }
            if x.indicator.rule != y.indicator.rule { return Self.byteOrder(x.indicator.rule, y.indicator.rule) }
            return a < b
        }.map { violations[$0] }
    }

    var outdatedOrder: [String] {
        outdated.keys.sorted { a, b in
            let (x, y) = (outdated[a]!.count, outdated[b]!.count)
            return x != y ? x > y : Self.byteOrder(a, b)
        }
    }

    /// Failures by file; a file's failures keep their order.
    var sortedFailures: [(file: String, location: String, reason: String)] {
        failures.indices.sorted { a, b in
            failures[a].file != failures[b].file ? Self.byteOrder(failures[a].file, failures[b].file) : a < b
        }.map { failures[$0] }
    }

    /// Per sector and indicator: the best plants (at most 3, at most half the group, rounded up)
    /// and the worst (at most 3, from the other half), so no plant is on both lists.
    var rankedLists: (leaders: [(String, Ranked)], laggards: [(String, Ranked)]) {
        var leaders: [(String, Ranked)] = []
        var laggards: [(String, Ranked)] = []
        let order = ranks.values.sorted { a, b in
            if a.sector != b.sector { return Self.byteOrder(a.sector, b.sector) }
            if a.rule != b.rule { return Self.byteOrder(a.rule, b.rule) }
            return Self.byteOrder(a.indicatorEn, b.indicatorEn)
        }
        for entry in order {
            let n = entry.group.count
            leaders += entry.group.best.prefix(min(3, (n + 1) / 2)).map { (entry.sector, $0) }
            laggards += entry.group.worst.prefix(min(3, n / 2)).map { (entry.sector, $0) }
        }
        return (leaders, laggards)
    }

    private func rankedJSON(_ entry: (String, Ranked)) -> JSONValue {
        let (sector, r) = entry
        return .object([
            ("sector", .string(sector)), ("rule", .string(r.indicator.rule)), ("indicator_en", .string(r.indicator.indicatorEn)),
            ("indicator_zh", .string(r.indicator.indicatorZh)), ("plant_id", .string(r.plantID)),
            ("plant_name", .string(r.plantName)), ("value", .number(r.indicator.value)), ("unit", .string(r.indicator.unit)),
            ("grade1", optional(r.indicator.grade1)), ("ratio_to_grade1", .number(r.ratio)),
        ])
    }
}
