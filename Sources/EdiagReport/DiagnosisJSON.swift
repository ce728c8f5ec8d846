public import EdiagModel
public import EdiagEngine

/// The JSON form of a diagnosis (`ediag/diagnosis@1`, documented in `docs/output.md`).
public enum DiagnosisJSON {
    /// The whole document for one plant.
    public static func document(_ d: Diagnosis, run: RunRecord?) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("schema", .string(Diagnosis.schemaVersion)),
            ("plant", .object([
                ("id", .string(d.plantID)), ("name", .string(d.plantName)), ("sector", .string(d.sector)),
                ("assessment_date", .string(d.assessmentDate)), ("source", .string(d.source)),
            ])),
            ("totals", totals(d.totals)),
            ("findings", .array(d.findings.map(finding))),
            ("outcomes", .array(d.outcomes.map(outcome))),
            ("warnings", .array(d.warnings.map { .string($0.description) })),
        ]
        if !d.costs.isEmpty {
            pairs.append(("costs", .array(d.costs.map {
                .object([("rule", .string($0.ruleID)), ("seconds", .number($0.seconds)),
                         ("instructions", .number(Double($0.instructions))), ("peak_bytes", .number(Double($0.peakBytes)))])
            })))
        }
        if let run { pairs.append(("run", run.json)) }
        return .object(pairs)
    }

    static func totals(_ t: MeasureTotals) -> JSONValue {
        .object([
            ("measures", .number(Double(t.count))), ("tce_per_year", .number(t.tcePerYear)),
            ("co2_tonnes_per_year", .number(t.co2TonnesPerYear)), ("yuan_per_year", .number(t.yuanPerYear)),
            ("investment_yuan", .number(t.investmentYuan)),
            ("overlap", .object([
                ("tce_per_year", .number(t.overlap.tcePerYear)), ("co2_tonnes_per_year", .number(t.overlap.co2TonnesPerYear)),
                ("yuan_per_year", .number(t.overlap.yuanPerYear)),
            ])),
        ])
    }

    public static func finding(_ f: Finding) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("priority", .number(Double(f.priority))), ("rule", .string(f.ruleID)), ("subject", .string(f.subject)),
            ("category", .string(f.category.rawValue)), ("severity", .string(f.severity.rawValue)),
            ("title", .localized(f.title)), ("message", .localized(f.message)),
        ]
        if let c = f.compliance { pairs.append(("compliance", compliance(c))) }
        if let e = f.economics { pairs.append(("economics", economics(e))) }
        pairs.append(("evidence", .array(f.evidence.map { e in
            var p: [(String, JSONValue)] = [("name", .string(e.name))]
            switch e.value {
            case .number(let n): p.append(("value", .number(n)))
            case .text(let t): p.append(("value", .string(t)))
            case .bool(let b): p.append(("value", .bool(b)))
            }
            p.append(("unit", .optional(e.unit)))
            p.append(("source", .optional(e.source)))
            return .object(p)
        })))
        pairs.append(("references", .array(f.references.map { r in
            .object([("standard", .string(r.standard)), ("clause", .optional(r.clause)), ("title", .optional(r.title)),
                     ("url", .optional(r.url)), ("confidence", .optional(r.confidence))])
        })))
        return .object(pairs)
    }

    static func compliance(_ c: ComplianceResult) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("indicator", .localized(c.indicator)), ("value", .number(c.value)), ("unit", .string(c.unit)),
            ("grade", .string(c.grade.rawValue)), ("thresholds", .array(c.thresholds.map { .optional($0) })),
            ("better", .string(c.better)), ("standard", .string(c.standard)), ("effective", .optional(c.effective)),
            ("replaces", .optional(c.replaces)), ("benchmark", .optional(c.benchmark)), ("baseline", .optional(c.baseline)),
            ("gap_to_benchmark_tce_per_year", .optional(c.gapToBenchmarkTce)),
        ]
        if let u = c.upcoming {
            pairs.append(("upcoming", .object([
                ("standard", .string(u.standard)), ("effective", .string(u.effective)),
                ("thresholds", .array(u.thresholds.map { .optional($0) })), ("grade", .string(u.grade.rawValue)),
            ])))
        }
        return .object(pairs)
    }

    static func economics(_ e: MeasureEconomics) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("measure", .string(e.measure)),
            ("savings", .array(e.savings.map { s in
                .object([("carrier", .string(s.carrier)), ("amount_per_year", .number(s.amount)), ("unit", .string(s.unit)),
                         ("tce_per_year", .number(s.tce)), ("co2_tonnes_per_year", .number(s.co2Tonnes)),
                         ("yuan_per_year", .optional(s.yuan))])
            })),
            ("tce_per_year", .number(e.tcePerYear)), ("co2_tonnes_per_year", .number(e.co2TonnesPerYear)),
            ("yuan_per_year", .optional(e.yuanPerYear)), ("investment_yuan", .number(e.investmentYuan)),
            ("lifetime_years", .number(e.lifetimeYears)), ("om_yuan_per_year", .number(e.omYuanPerYear)),
            ("simple_payback_years", .optional(e.simplePaybackYears)), ("npv_yuan", .optional(e.npvYuan)),
            ("irr", .optional(e.irr)), ("cost_of_conserved_energy_yuan_per_tce", .optional(e.costOfConservedEnergyYuanPerTce)),
            ("discount_rate", .number(e.discountRate)),
            ("range", .object([("low", .number(e.rangeLow)), ("high", .number(e.rangeHigh))])),
            ("confidence", .string(e.confidence)), ("notes", .array(e.notes.map { .string($0) })),
            ("interaction", e.interaction.map(interaction) ?? .null),
        ]
        // Only present when a plugin's subsidy applied, so outputs without subsidies keep their bytes.
        if let subsidy = e.subsidyYuan {
            let at = pairs.firstIndex { $0.0 == "investment_yuan" }! + 1
            pairs.insert(("subsidy_yuan", .number(subsidy)), at: at)
        }
        return .object(pairs)
    }

    static func interaction(_ i: MeasureInteraction) -> JSONValue {
        func amounts(_ d: [String: Double]) -> JSONValue { .object(d.keys.sorted().map { ($0, .number(d[$0] ?? 0)) }) }
        return .object([("group", .string(i.group)), ("base", amounts(i.base)), ("overlap", amounts(i.overlap))])
    }

    static func outcome(_ o: RuleOutcome) -> JSONValue {
        .object([("rule", .string(o.ruleID)), ("status", .string(o.status.rawValue)), ("subject", .optional(o.subject)),
                 ("detail", .string(o.detail)), ("needs", .array(o.needs.map { .string($0) }))])
    }
}

/// What produced a result: enough to reproduce it later.
/// What ran, so that a result can be reproduced and checked later: the ediag version, each plugin's
/// name, version and content hash, the configuration's hash, the input's hash and the assessment date.
public struct RunRecord: Sendable {
    /// One plugin as it was loaded.
    public struct Plugin: Sendable {
        public var name: String
        public var version: String
        /// `sha256:…` over the plugin's files (see `FolderHash`).
        public var hash: String

        public init(name: String, version: String, hash: String) {
            self.name = name
            self.version = version
            self.hash = hash
        }
    }

    public var ediagVersion: String
    /// Sorted by name.
    public var plugins: [Plugin]
    public var assessmentDate: String
    /// `sha256:…` of the profile file's bytes (empty when not read from a file).
    public var inputHash: String
    /// `sha256:…` of the effective configuration (empty when none was recorded).
    public var configurationHash: String
    /// Notes a reader must see, e.g. that the lockfile check was skipped.
    public var notes: [String]

    public init(ediagVersion: String, plugins: [Plugin], assessmentDate: String = "", inputHash: String = "",
                configurationHash: String = "", notes: [String] = []) {
        self.ediagVersion = ediagVersion
        self.plugins = plugins.sorted { $0.name < $1.name }
        self.assessmentDate = assessmentDate
        self.inputHash = inputHash
        self.configurationHash = configurationHash
        self.notes = notes
    }

    /// The record for plugins as loaded.
    public init(ediagVersion: String, packs: [RulePack], configurationHash: String = "", notes: [String] = []) {
        self.init(ediagVersion: ediagVersion,
                  plugins: packs.map { Plugin(name: $0.name, version: $0.manifest.version.description, hash: $0.contentHash.hash) },
                  configurationHash: configurationHash, notes: notes)
    }

    /// The record for one diagnosis: the input's hash and assessment date filled in.
    public func with(_ diagnosis: Diagnosis, inputHash: String) -> RunRecord {
        var copy = self
        copy.assessmentDate = diagnosis.assessmentDate
        copy.inputHash = inputHash
        return copy
    }

    /// The record as closing lines of a text or Markdown report, so that every output says what ran.
    public func summary(language: ReportLanguage, markdown: Bool) -> String {
        let zh = language == .zh
        var lines = [(zh ? "ediag 版本" : "ediag version") + ": \(ediagVersion)"]
        lines += plugins.map { (zh ? "插件" : "plugin") + " \($0.name) \($0.version): \($0.hash)" }
        lines += [
            (zh ? "配置哈希" : "configuration hash") + ": \(configurationHash.isEmpty ? "—" : configurationHash)",
            (zh ? "输入哈希" : "input hash") + ": \(inputHash.isEmpty ? "—" : inputHash)",
            (zh ? "评估日期" : "assessment date") + ": \(assessmentDate)",
        ]
        lines += notes.map { (zh ? "注意" : "note") + ": \($0)" }
        if markdown {
            return "\n## " + (zh ? "运行记录" : "Run record") + "\n\n" + lines.map { "- \($0)\n" }.joined()
        }
        return "\n" + (zh ? "运行记录" : "Run record") + ":\n" + lines.map { "  \($0)\n" }.joined()
    }

    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("ediag_version", .string(ediagVersion)),
            ("plugins", .array(plugins.map {
                .object([("name", .string($0.name)), ("version", .string($0.version)), ("hash", .string($0.hash))])
            })),
            ("assessment_date", .string(assessmentDate)),
            ("input_hash", .string(inputHash)),
            ("configuration_hash", .string(configurationHash)),
        ]
        if !notes.isEmpty { pairs.append(("notes", .array(notes.map { .string($0) }))) }
        return .object(pairs)
    }
}
