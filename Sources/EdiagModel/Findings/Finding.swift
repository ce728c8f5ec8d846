/// Text in both report languages.
public struct LocalizedText: Sendable, Equatable, Codable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public func text(_ language: ReportLanguage) -> String { language == .zh ? (zh.isEmpty ? en : zh) : (en.isEmpty ? zh : en) }
}

/// The language of a report.
public enum ReportLanguage: String, Sendable, CaseIterable, Codable { case zh, en }

/// What kind of finding a rule produces; the order is the priority order of the tiers.
public enum FindingCategory: String, Sendable, Codable, CaseIterable {
    case compliance
    case benchmark
    case outdatedEquipment = "outdated_equipment"
    case savingMeasure = "saving_measure"
    case dataQuality = "data_quality"
}

/// How urgent a finding is.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case critical, warning, info

    private var rank: Int { self == .critical ? 0 : (self == .warning ? 1 : 2) }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A standard clause or published source behind a finding.
public struct Reference: Sendable, Equatable, Codable {
    /// E.g. `GB 16780-2021`.
    public var standard: String
    /// E.g. `Table 2` or `§4.1`.
    public var clause: String?
    public var title: String?
    public var url: String?
    /// Confidence in the source: `high`, `medium`, `low`.
    public var confidence: String?

    public init(standard: String, clause: String? = nil, title: String? = nil, url: String? = nil, confidence: String? = nil) {
        self.standard = standard
        self.clause = clause
        self.title = title
        self.url = url
        self.confidence = confidence
    }
}

/// One value a rule read or compared, shown as evidence.
public struct Evidence: Sendable, Equatable, Codable {
    /// What it is, e.g. `clinker_energy` or `grade 3 limit`.
    public var name: String
    public var value: EvidenceValue
    public var unit: String?
    /// Where it came from: a profile path or a standard clause.
    public var source: String?

    public init(name: String, value: EvidenceValue, unit: String? = nil, source: String? = nil) {
        self.name = name
        self.value = value
        self.unit = unit
        self.source = source
    }
}

/// A scalar evidence value.
public enum EvidenceValue: Sendable, Equatable, Codable {
    case number(Double), text(String), bool(Bool)

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .number(let v): try c.encode(v)
        case .text(let v): try c.encode(v)
        case .bool(let v): try c.encode(v)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else { self = .text(try c.decode(String.self)) }
    }
}

/// The grade a plant reaches for one indicator of a limit standard.
public enum ComplianceGrade: String, Sendable, Codable {
    case grade1 = "grade_1", grade2 = "grade_2", grade3 = "grade_3", notMet = "not_met"

    public var label: LocalizedText {
        switch self {
        case .grade1: return LocalizedText(zh: "1级", en: "grade 1")
        case .grade2: return LocalizedText(zh: "2级", en: "grade 2")
        case .grade3: return LocalizedText(zh: "3级", en: "grade 3")
        case .notMet: return LocalizedText(zh: "未达限定值", en: "limit not met")
        }
    }
}

/// A compliance indicator's result against one edition of a limit standard.
public struct ComplianceResult: Sendable, Equatable, Codable {
    public var indicator: LocalizedText
    public var value: Double
    public var unit: String
    /// Thresholds of grades 1, 2, 3 as published (after the corrections the rule applied); nil where
    /// the standard gives none.
    public var thresholds: [Double?]
    public var grade: ComplianceGrade
    /// `lower` when a smaller value is better (almost every limit).
    public var better: String
    public var standard: String
    public var effective: String?
    public var replaces: String?
    public var benchmark: Double?
    public var baseline: Double?
    /// Energy over the period to reach the benchmark (tce/a); nil when not computable.
    public var gapToBenchmarkTce: Double?
    /// A newer edition that is published but not yet in force on the assessment date.
    public var upcoming: UpcomingGrade?

    public init(indicator: LocalizedText, value: Double, unit: String, thresholds: [Double?], grade: ComplianceGrade,
                better: String, standard: String, effective: String?, replaces: String?, benchmark: Double?,
                baseline: Double?, gapToBenchmarkTce: Double?, upcoming: UpcomingGrade?) {
        self.indicator = indicator
        self.value = value
        self.unit = unit
        self.thresholds = thresholds
        self.grade = grade
        self.better = better
        self.standard = standard
        self.effective = effective
        self.replaces = replaces
        self.benchmark = benchmark
        self.baseline = baseline
        self.gapToBenchmarkTce = gapToBenchmarkTce
        self.upcoming = upcoming
    }
}

/// The grade under an edition that takes force after the assessment date.
public struct UpcomingGrade: Sendable, Equatable, Codable {
    public var standard: String
    public var effective: String
    public var thresholds: [Double?]
    public var grade: ComplianceGrade

    public init(standard: String, effective: String, thresholds: [Double?], grade: ComplianceGrade) {
        self.standard = standard
        self.effective = effective
        self.thresholds = thresholds
        self.grade = grade
    }
}

/// The saving of one carrier, per year.
public struct CarrierSaving: Sendable, Equatable, Codable {
    public var carrier: String
    /// In the carrier's unit per year (kWh, t, m3, GJ); negative means the measure uses more.
    public var amount: Double
    public var unit: String
    public var tce: Double
    public var co2Tonnes: Double
    /// nil when the profile gives no price for the carrier.
    public var yuan: Double?
}

/// Savings, cost and returns of a recommended measure, computed by the host (`docs/economics.md`).
public struct MeasureEconomics: Sendable, Equatable, Codable {
    public var measure: String
    public var savings: [CarrierSaving]
    public var tcePerYear: Double
    public var co2TonnesPerYear: Double
    /// Net money saved per year (energy + carbon value − O&M); nil when a price is missing.
    public var yuanPerYear: Double?
    /// Gross investment, yuan.
    public var investmentYuan: Double
    /// Capital subsidies that lower the plant's own investment (payback, NPV and IRR use
    /// `investmentYuan − subsidyYuan`); nil when none applies.
    public var subsidyYuan: Double? = nil
    public var lifetimeYears: Double
    public var omYuanPerYear: Double
    public var simplePaybackYears: Double?
    public var npvYuan: Double?
    public var irr: Double?
    /// Cost of conserved energy, yuan per tce (annualised investment + O&M ÷ tce saved).
    public var costOfConservedEnergyYuanPerTce: Double?
    public var discountRate: Double
    /// Low and high ends of the savings range as multipliers of the likely value.
    public var rangeLow: Double
    public var rangeHigh: Double
    public var confidence: String
    /// Why some figure could not be computed (e.g. a missing price).
    public var notes: [String]
    /// The carbon price the net saving was valued at (yuan/tCO2; 0 = not valued).
    public var carbonPriceYuanPerTonne: Double = 0
    /// The energy flow this measure shares with others, so totals count a shared saving once.
    public var interaction: MeasureInteraction? = nil
}

/// One result of a diagnosis: a compliance grade, an outdated item, a measure or a data problem.
public struct Finding: Sendable, Equatable, Codable {
    public var ruleID: String
    /// `plant`, or the id of the process unit or equipment item.
    public var subject: String
    public var category: FindingCategory
    public var severity: Severity
    public var title: LocalizedText
    public var message: LocalizedText
    public var evidence: [Evidence]
    public var references: [Reference]
    public var compliance: ComplianceResult?
    public var economics: MeasureEconomics?
    /// 1 = most urgent; set by prioritization.
    public var priority: Int

    public init(ruleID: String, subject: String, category: FindingCategory, severity: Severity, title: LocalizedText,
                message: LocalizedText, evidence: [Evidence], references: [Reference],
                compliance: ComplianceResult? = nil, economics: MeasureEconomics? = nil, priority: Int = 0) {
        self.ruleID = ruleID
        self.subject = subject
        self.category = category
        self.severity = severity
        self.title = title
        self.message = message
        self.evidence = evidence
        self.references = references
        self.compliance = compliance
        self.economics = economics
        self.priority = priority
    }
}

/// What happened when one rule ran on one plant, besides its findings.
public struct RuleOutcome: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable {
        case reported, nothingToReport = "nothing_to_report", notApplicable = "not_applicable"
        case insufficientData = "insufficient_data", failed
    }

    public var ruleID: String
    public var status: Status
    public var subject: String?
    /// Why (not applicable), what to measure (insufficient data) or the error with file:line.
    public var detail: String
    /// For insufficient data: the profile fields that would decide it.
    public var needs: [String]

    public init(ruleID: String, status: Status, subject: String? = nil, detail: String = "", needs: [String] = []) {
        self.ruleID = ruleID
        self.status = status
        self.subject = subject
        self.detail = detail
        self.needs = needs
    }
}
