public import Foundation
public import EdiagModel
public import EdiagReport

/// What must be unchanged for a stored result to be reused by a rerun: the input's bytes, the
/// plugins, the configuration and the ediag version.
public struct ResumeKey: Sendable, Equatable, Codable {
    public var ediagVersion: String
    /// `name@version sha256:…`, sorted by name.
    public var plugins: [String]
    public var configurationHash: String
    /// `sha256:…` of the profile file's bytes.
    public var inputHash: String
    /// The per-plant files written, by extension, and the report language (`json md zh`).
    public var outputs: String

    public init(run: RunRecord, inputHash: String, outputs: String) {
        ediagVersion = run.ediagVersion
        plugins = run.plugins.map { "\($0.name)@\($0.version) \($0.hash)" }
        configurationHash = run.configurationHash
        self.inputHash = inputHash
        self.outputs = outputs
    }

    enum CodingKeys: String, CodingKey {
        case ediagVersion = "ediag_version", plugins, configurationHash = "configuration_hash", inputHash = "input_hash"
        case outputs
    }
}

/// The compact record of one plant in a batch (`<out>/records/<name>.json`): what the portfolio
/// summary needs, nothing more.
///
/// It is written last, after the plant's report or error record, so its presence with a matching
/// `key` means the plant is complete. The portfolio is built from each plant's record as written
/// (or, for a reused plant, as read back); reading gives back the very values written (numbers are
/// encoded in their shortest exact form), so a resumed batch and an uninterrupted one aggregate the
/// very same numbers.
public struct PlantRecord: Sendable, Equatable, Codable {
    /// Whether the plant was diagnosed.
    public enum Status: String, Sendable, Codable { case ok, failed }

    /// A recommended measure, in priority order.
    public struct Measure: Sendable, Equatable, Codable {
        public var priority: Int
        public var rule: String
        public var subject: String
        public var category: String
        public var titleZh: String
        public var titleEn: String
        public var tcePerYear: Double
        public var co2TonnesPerYear: Double
        public var yuanPerYear: Double?
        public var investmentYuan: Double
        public var simplePaybackYears: Double?
        public var confidence: String

        enum CodingKeys: String, CodingKey {
            case priority, rule, subject, category, titleZh = "title_zh", titleEn = "title_en"
            case tcePerYear = "tce_per_year", co2TonnesPerYear = "co2_tonnes_per_year", yuanPerYear = "yuan_per_year"
            case investmentYuan = "investment_yuan", simplePaybackYears = "simple_payback_years", confidence
        }
    }

    /// A compliance indicator's value with its grade-1 and limit (grade-3) thresholds.
    public struct Indicator: Sendable, Equatable, Codable {
        public var rule: String
        public var subject: String
        public var indicatorZh: String
        public var indicatorEn: String
        public var value: Double
        public var unit: String
        /// `lower` when a smaller value is better.
        public var better: String
        public var grade: String
        public var grade1: Double?
        /// The limit (grade 3) threshold.
        public var limit: Double?
        public var standard: String

        enum CodingKeys: String, CodingKey {
            case rule, subject, indicatorZh = "indicator_zh", indicatorEn = "indicator_en", value, unit, better, grade
            case grade1, limit, standard
        }
    }

    /// Outdated equipment items of one kind.
    public struct Outdated: Sendable, Equatable, Codable {
        /// The equipment type (`motor`, `transformer`, …).
        public var type: String
        /// Items (an entry's `count` field counts as that many items).
        public var count: Int
    }

    /// One problem: a profile error or a failing rule.
    public struct Problem: Sendable, Equatable, Codable {
        /// `line:column` in the profile, or the rule's `file:line`; empty when unknown.
        public var location: String
        /// The profile field path, or the rule id.
        public var path: String
        public var reason: String
    }

    public var key: ResumeKey
    public var file: String
    public var name: String
    public var status: Status
    public var plantID: String
    public var plantName: String
    public var sector: String
    /// Findings per category (all findings, with or without economics).
    public var findingsByCategory: [String: Int]
    public var measures: [Measure]
    public var indicators: [Indicator]
    public var outdated: [Outdated]
    /// Profile errors (status failed) or rule errors (status ok).
    public var problems: [Problem]
    /// What the plain sum of this plant's measures counts twice (measures sharing one energy flow,
    /// `docs/economics.md`); the plant's totals are the sum less this.
    public var overlap: Overlap

    /// Savings counted twice by the plain sum of a plant's measures.
    public struct Overlap: Sendable, Equatable, Codable {
        public var tcePerYear = 0.0, co2TonnesPerYear = 0.0, yuanPerYear = 0.0

        enum CodingKeys: String, CodingKey {
            case tcePerYear = "tce_per_year", co2TonnesPerYear = "co2_tonnes_per_year", yuanPerYear = "yuan_per_year"
        }
    }

    enum CodingKeys: String, CodingKey {
        case key, file, name, status, plantID = "plant_id", plantName = "plant_name", sector
        case findingsByCategory = "findings_by_category", measures, indicators, outdated, problems, overlap
    }

    /// The number of rules that failed on a diagnosed plant.
    public var ruleErrors: Int { status == .ok ? problems.count : 0 }

    /// Indicators whose grade is below the limit.
    public var limitViolations: [Indicator] { indicators.filter { $0.grade == ComplianceGrade.notMet.rawValue } }

    /// The record of a plant that was diagnosed.
    public init(diagnosis d: Diagnosis, profile: PlantProfile, input: BatchInput, key: ResumeKey, ruleLocations: [String: String]) {
        self.key = key
        file = input.file
        name = input.name
        status = .ok
        plantID = d.plantID
        plantName = d.plantName
        sector = d.sector
        var byCategory: [String: Int] = [:]
        for f in d.findings { byCategory[f.category.rawValue, default: 0] += 1 }
        findingsByCategory = byCategory
        overlap = Overlap(tcePerYear: d.totals.overlap.tcePerYear, co2TonnesPerYear: d.totals.overlap.co2TonnesPerYear,
                          yuanPerYear: d.totals.overlap.yuanPerYear)
        measures = d.findings.compactMap { f in
            f.economics.map { e in
                Measure(priority: f.priority, rule: f.ruleID, subject: f.subject, category: f.category.rawValue,
                        titleZh: f.title.zh, titleEn: f.title.en, tcePerYear: e.tcePerYear,
                        co2TonnesPerYear: e.co2TonnesPerYear, yuanPerYear: e.yuanPerYear, investmentYuan: e.investmentYuan,
                        simplePaybackYears: e.simplePaybackYears, confidence: e.confidence)
            }
        }
        indicators = d.findings.compactMap { f in
            f.compliance.map { c in
                Indicator(rule: f.ruleID, subject: f.subject, indicatorZh: c.indicator.zh, indicatorEn: c.indicator.en,
                          value: c.value, unit: c.unit, better: c.better, grade: c.grade.rawValue,
                          grade1: c.thresholds.first ?? nil, limit: c.thresholds.count > 2 ? c.thresholds[2] : nil,
                          standard: c.standard)
            }
        }
        outdated = Self.outdatedItems(d, profile: profile)
        problems = d.outcomes.filter { $0.status == .failed }.map {
            Problem(location: ruleLocations[$0.ruleID] ?? "", path: $0.ruleID, reason: $0.detail)
        }
    }

    /// The record of a plant whose profile could not be read or validated.
    public init(failedInput input: BatchInput, key: ResumeKey, problems: [Problem]) {
        self.key = key
        file = input.file
        name = input.name
        status = .failed
        plantID = ""
        plantName = ""
        sector = ""
        findingsByCategory = [:]
        measures = []
        indicators = []
        outdated = []
        overlap = Overlap()
        self.problems = problems
    }

    /// Outdated items by equipment type: each equipment entry counts once (or `count` times),
    /// however many outdated findings it has.
    static func outdatedItems(_ d: Diagnosis, profile: PlantProfile) -> [Outdated] {
        let subjects = Set(d.findings.filter { $0.category == .outdatedEquipment }.map(\.subject))
        guard !subjects.isEmpty else { return [] }
        var byType: [String: Int] = [:]
        var counted = Set<String>()
        let items = (profile.root["equipment"]?.list ?? []) + (profile.root["process_units"]?.list ?? [])
        for item in items {
            guard let object = item.object, let id = object["id"]?.text, subjects.contains(id), counted.insert(id).inserted
            else { continue }
            let type = object["type"]?.text ?? object.type
            byType[type, default: 0] += max(1, Int(object["count"]?.number ?? 1))
        }
        // An outdated finding about something the profile does not list (e.g. the whole plant).
        let unlisted = subjects.subtracting(counted).count
        if unlisted > 0 { byType["other", default: 0] += unlisted }
        return byType.keys.sorted().map { Outdated(type: $0, count: byType[$0]!) }
    }

    // MARK: - Reading and writing

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }

    /// The record's bytes (sorted keys, so the same record is always the same bytes).
    public func encoded() -> Data {
        // Encoding plain structs of strings and finite numbers cannot fail.
        var data = (try? Self.encoder().encode(self)) ?? Data()
        data.append(0x0A)
        return data
    }

    /// Reads a record; nil when it is missing or unreadable (the plant is then diagnosed again).
    public static func read(path: String) -> PlantRecord? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? decoder().decode(PlantRecord.self, from: data)
    }
}
