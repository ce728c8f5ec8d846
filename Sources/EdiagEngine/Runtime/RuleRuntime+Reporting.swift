import EdiagModel
import LuaSandbox

extension RuleRuntime {
    /// Findings and outcomes one rule may report on one plant: a runaway loop fails the rule instead
    /// of filling the host's memory.
    static let maxReportsPerEvaluation = 1000

    /// The argument a ctx method reads: 2 for `ctx:method(x)`, 1 for `ctx.method(x)`.
    private func argument(_ lua: LuaState) -> Int32 { lua.top >= 2 ? 2 : 1 }

    /// Why the rule may not report now (no evaluation running, or too many reports), or nil.
    ///
    /// Host functions read the running evaluation in place rather than copying it: a copy would
    /// share its findings, and the next append would then copy them all.
    private func reportingRefusal(_ what: StaticString) -> String? {
        guard evaluation != nil else {
            return "ctx:\(what) may only be called while a rule evaluates a plant"
        }
        guard evaluation!.findings.count + evaluation!.outcomes.count < Self.maxReportsPerEvaluation else {
            return "ctx:\(what): the rule reported more than \(Self.maxReportsPerEvaluation) findings and outcomes on one plant"
        }
        return nil
    }

    /// `ctx:finding{ subject, severity, category, title, message, values, evidence, references }`.
    func hostFinding(_ lua: LuaState) -> HostReturn {
        hostCalls.finding += 1
        if let refusal = reportingRefusal("finding") { return .failure(refusal) }
        guard let t = LuaTableReader(lua, at: argument(lua), path: "ctx:finding") else {
            return .failure("ctx:finding expects a table {subject = …, message = {zh = …, en = …}, …}")
        }
        do throws(RuleOutputError) {
            var category = evaluation!.rule.category
            if let c = try t.string("category") {
                guard let parsed = FindingCategory(rawValue: c) else { throw RuleOutputError("ctx:finding: unknown category '\(c)'") }
                category = parsed
            }
            var severity = evaluation!.rule.severity
            if let s = try t.string("severity") {
                guard let parsed = Severity(rawValue: s) else { throw RuleOutputError("ctx:finding: unknown severity '\(s)' (critical, warning, info)") }
                severity = parsed
            }
            let values = try readValues(t)
            guard let template = try t.localized("message") else {
                throw RuleOutputError("ctx:finding needs a message = {zh = …, en = …}")
            }
            let finding = Finding(
                ruleID: evaluation!.rule.id, subject: try subject(t), category: category, severity: severity,
                title: try t.localized("title") ?? evaluation!.rule.title, message: try MessageTemplate.fill(template, values),
                evidence: try readEvidence(t), references: evaluation!.rule.references + (try readReferences(t, key: "references", rule: evaluation!.rule.id)))
            evaluation?.findings.append(finding)
            return .results(0)
        } catch {
            return .failure(error.message)
        }
    }

    /// `ctx:recommend{ subject, measure, savings, investment, lifetime, om_cost, confidence, range, … }`.
    func hostRecommend(_ lua: LuaState) -> HostReturn {
        hostCalls.recommend += 1
        if let refusal = reportingRefusal("recommend") { return .failure(refusal) }
        guard let t = LuaTableReader(lua, at: argument(lua), path: "ctx:recommend") else {
            return .failure("ctx:recommend expects a table {savings = {electricity = …}, investment = …, lifetime = …}")
        }
        do throws(RuleOutputError) {
            lua.rawGet(t.index, field: "savings")
            guard let s = LuaTableReader(lua, at: -1, path: "ctx:recommend.savings") else {
                lua.pop(1)
                throw RuleOutputError("ctx:recommend needs savings = {carrier = amount per year, …}, e.g. {electricity = 1.2e6}")
            }
            defer { lua.pop(1) }
            let savings = try Self.carrierAmounts(lua, s, path: "ctx:recommend.savings")
            guard !savings.isEmpty else { throw RuleOutputError("ctx:recommend: savings is empty") }
            guard let investment = try t.quantity("investment", in: "yuan") else {
                throw RuleOutputError("ctx:recommend needs investment (yuan, or ediag.q(x, '万元'))")
            }
            guard investment >= 0 else { throw RuleOutputError("ctx:recommend: investment must not be negative") }
            guard let lifetime = try t.quantity("lifetime", in: "a"), lifetime > 0, lifetime <= 100 else {
                throw RuleOutputError("ctx:recommend needs lifetime in years (0 < lifetime ≤ 100)")
            }
            let om = try t.quantity("om_cost", in: "yuan/a") ?? 0
            let confidence = try t.string("confidence") ?? "medium"
            guard ["high", "medium", "low"].contains(confidence) else {
                throw RuleOutputError("ctx:recommend: confidence is high, medium or low, got '\(confidence)'")
            }
            let defaults: (Double, Double) = confidence == "high" ? (0.9, 1.1) : (confidence == "medium" ? (0.75, 1.25) : (0.5, 1.5))
            var range = defaults
            if t.has("range") {
                lua.rawGet(t.index, field: "range")
                defer { lua.pop(1) }
                guard let r = LuaTableReader(lua, at: -1, path: "ctx:recommend.range") else {
                    throw RuleOutputError("ctx:recommend.range must be {low = 0.8, high = 1.2} (multipliers of the likely saving)")
                }
                range = (try r.number("low") ?? defaults.0, try r.number("high") ?? defaults.1)
                guard range.0 >= 0, range.0 <= 1, range.1 >= 1 else {
                    throw RuleOutputError("ctx:recommend.range needs 0 ≤ low ≤ 1 ≤ high")
                }
            }
            let measure = try t.string("measure") ?? evaluation!.rule.measure ?? evaluation!.rule.id
            let valuationStart = options.phaseClock?()
            var economics = MeasureValuation.value(
                measure: measure, savings: savings, investment: investment, lifetime: lifetime, omCost: om,
                rangeLow: range.0, rangeHigh: range.1, confidence: confidence, profile: evaluation!.profile, settings: options.economics)
            if let valuationStart, let clock = options.phaseClock { phaseTimes.valuation += clock() &- valuationStart }
            economics.interaction = try Self.interaction(lua, t)
            guard economics.isFinite else {
                throw RuleOutputError("ctx:recommend: the saving is too large to value (a figure of the economics is not finite)")
            }
            var values = try readValues(t)
            values["tce"] = .number(economics.tcePerYear)
            values["co2"] = .number(economics.co2TonnesPerYear)
            values["investment"] = .number(investment)
            if let y = economics.yuanPerYear { values["yuan"] = .number(y) }
            if let p = economics.simplePaybackYears { values["payback"] = .number(p) }
            for line in economics.savings { values["saving_" + line.carrier] = .number(line.amount) }
            let template = try t.localized("message") ?? LocalizedText(
                zh: "预计年节能 {tce:1} tce，投资 {investment:0} 元", en: "Saves about {tce:1} tce a year for an investment of {investment:0} yuan")
            var severity = evaluation!.rule.severity
            if let sv = try t.string("severity") {
                guard let parsed = Severity(rawValue: sv) else { throw RuleOutputError("ctx:recommend: unknown severity '\(sv)'") }
                severity = parsed
            }
            let finding = Finding(
                ruleID: evaluation!.rule.id, subject: try subject(t), category: .savingMeasure, severity: severity,
                title: try t.localized("title") ?? evaluation!.rule.title, message: try MessageTemplate.fill(template, values),
                evidence: try readEvidence(t), references: evaluation!.rule.references + (try readReferences(t, key: "references", rule: evaluation!.rule.id)),
                economics: economics)
            evaluation?.findings.append(finding)
            if options.trace {
                evaluation?.trace.append(.valuation(subject: finding.subject, savings: savings, investment: investment,
                                                    lifetime: lifetime, omCost: om, economics: economics))
            }
            return .results(0)
        } catch {
            return .failure(error.message)
        }
    }

    /// Carrier → amount per year entries of the table `reader` (keys sorted), each checked against
    /// the carrier list and converted to the carrier's unit per year.
    static func carrierAmounts(_ lua: LuaState, _ reader: LuaTableReader, path: String) throws(RuleOutputError) -> [(carrier: String, amount: Double)] {
        var amounts: [(carrier: String, amount: Double)] = []
        for key in try reader.sortedKeys() {
            guard let carrier = EnergyCarrier.named(key) else {
                throw RuleOutputError("\(path): unknown energy carrier '\(key)'; known: \(EnergyCarrier.all.map(\.id).joined(separator: ", "))")
            }
            let perYear = try reader.with(dynamicKey: key) { _ throws(RuleOutputError) in
                try Self.annualAmount(lua, path: "\(path).\(key)", carrierUnit: carrier.unit)
            }
            if let perYear { amounts.append((key, perYear)) }
        }
        return amounts
    }

    /// `interaction = { group = "steam:B-1", base = {carrier = annual use}, overlap = {carrier = amount} }`
    /// of `ctx:recommend`, or nil when the measure declares none.
    static func interaction(_ lua: LuaState, _ t: LuaTableReader) throws(RuleOutputError) -> MeasureInteraction? {
        guard t.has("interaction") else { return nil }
        lua.rawGet(t.index, field: "interaction")
        defer { lua.pop(1) }
        guard let i = LuaTableReader(lua, at: -1, path: "ctx:recommend.interaction"), let group = try i.string("group"), !group.isEmpty else {
            throw RuleOutputError("ctx:recommend.interaction must be {group = \"flow:subject\", base = {…}, overlap = {…}}, e.g. group = \"steam:B-1\"")
        }
        var result = MeasureInteraction(group: group)
        let parts: [(key: StaticString, path: String, isOverlap: Bool)] = [
            ("base", "ctx:recommend.interaction.base", false), ("overlap", "ctx:recommend.interaction.overlap", true),
        ]
        for (key, path, isOverlap) in parts where i.has(key) {
            lua.rawGet(i.index, field: key)
            defer { lua.pop(1) }
            guard let r = LuaTableReader(lua, at: -1, path: path) else {
                throw RuleOutputError("\(path) must be a table {carrier = amount per year}")
            }
            for (carrier, amount) in try carrierAmounts(lua, r, path: path) {
                guard amount.isFinite, isOverlap ? amount >= 0 : amount > 0 else {
                    throw RuleOutputError("\(path).\(carrier) must be \(isOverlap ? "zero or positive" : "positive"), got \(amount)")
                }
                if !isOverlap { result.base[carrier] = amount } else { result.overlap[carrier] = amount }
            }
        }
        return result
    }

    /// A saving per year: a number in the carrier's unit, or a quantity whose unit is an amount
    /// (taken as per year) or an amount per year.
    static func annualAmount(_ lua: LuaState, path: @autoclosure () -> String, carrierUnit: String) throws(RuleOutputError) -> Double? {
        if lua.type(at: -1) == .table, let q = LuaTableReader(lua, at: -1, path: path()), let unitText = try q.string("unit") {
            let annualUnit = carrierUnit + "/a"
            if let unit = try? Unit(unitText), let annual = try? Unit(annualUnit), unit.dimension == annual.dimension {
                return try LuaTableReader.quantityOnTop(lua, path: path(), unit: annualUnit)
            }
        }
        return try LuaTableReader.quantityOnTop(lua, path: path(), unit: carrierUnit)
    }

    /// `ctx:compliance{ subject, indicator, value, unit, limits, thresholds, upcoming_thresholds, output, evidence }`.
    /// Returns the grade (`grade_1` … `grade_3`, `not_met`) or `undetermined`.
    func hostCompliance(_ lua: LuaState) -> HostReturn {
        hostCalls.compliance += 1
        if let refusal = reportingRefusal("compliance") { return .failure(refusal) }
        guard let t = LuaTableReader(lua, at: argument(lua), path: "ctx:compliance") else {
            return .failure("ctx:compliance expects a table {value = …, limits = ediag.limits(…)}")
        }
        do throws(RuleOutputError) {
            guard let value = try t.number("value") else {
                throw RuleOutputError("ctx:compliance needs the measured value; call ctx:insufficient_data{needs = {…}} when it is missing")
            }
            let indicator = try t.localized("indicator") ?? evaluation!.rule.title
            let subject = try subject(t)
            lua.rawGet(t.index, field: "limits")
            guard let limitsTable = LuaTableReader(lua, at: -1, path: "ctx:compliance.limits") else {
                lua.pop(1)
                throw RuleOutputError("ctx:compliance needs limits = ediag.limits(table_id, match)")
            }
            var current: LimitRow?
            var upcoming: LimitRow?
            if limitsTable.has("current") || limitsTable.has("upcoming") {
                current = try limitsTable.with("current") { _ throws(RuleOutputError) in try LimitRow.read(lua, path: "limits.current") }
                upcoming = try limitsTable.with("upcoming") { _ throws(RuleOutputError) in try LimitRow.read(lua, path: "limits.upcoming") }
            } else {
                current = try LimitRow.read(lua, path: "limits")
            }
            lua.pop(1)
            guard var row = current else {
                let next = upcoming.map { " (the first edition, \($0.standard), takes force on \($0.effective))" } ?? ""
                evaluation?.outcomes.append(RuleOutcome(ruleID: evaluation!.rule.id, status: .notApplicable, subject: subject,
                                                        detail: "no edition of the limit standard is in force on \(evaluation!.profile.assessmentDate)\(next)"))
                if var up = upcoming {
                    // Nothing to grade today, but the plant should know where it will stand once the edition takes force.
                    if let thresholds = try readThresholds(t, key: "upcoming_thresholds") { up.thresholds = thresholds }
                    let unit = try t.string("unit") ?? up.unit
                    let grade = up.grade(of: value)
                    let message = ComplianceMessage.upcomingOnly(indicator: indicator, value: value, unit: unit, date: evaluation!.profile.assessmentDate,
                                                                 upcoming: UpcomingGrade(standard: up.standard, effective: up.effective,
                                                                                         thresholds: up.thresholds, grade: grade))
                    evaluation?.findings.append(Finding(
                        ruleID: evaluation!.rule.id, subject: subject, category: .compliance, severity: .info, title: indicator, message: message,
                        evidence: [Evidence(name: "measured value", value: .number(value), unit: unit, source: try t.string("source"))],
                        references: evaluation!.rule.references))
                }
                lua.pushString("undetermined")
                return .results(1)
            }
            let tableThresholds = row.thresholds
            if let thresholds = try readThresholds(t, key: "thresholds") { row.thresholds = thresholds }
            if var up = upcoming, let thresholds = try readThresholds(t, key: "upcoming_thresholds") {
                up.thresholds = thresholds
                upcoming = up
            }
            let unit = try t.string("unit") ?? row.unit
            let grade = row.grade(of: value)
            let output = try t.number("output")
            var gap: Double?
            if let benchmark = row.benchmark, let output, value > benchmark || row.better == "higher" && value < benchmark {
                let perUnit = abs(value - benchmark)
                if unit == "kgce/t" { gap = perUnit * output / 1000 }
                else if unit == "kWh/t" { gap = perUnit * output * options.economics.electricityKgcePerKWh / 1000 }
                else if unit == "gce/kWh" { gap = perUnit * output / 1e6 }
            }
            let upcomingGrade = upcoming.map {
                UpcomingGrade(standard: $0.standard, effective: $0.effective, thresholds: $0.thresholds, grade: $0.grade(of: value))
            }
            let result = ComplianceResult(
                indicator: indicator, value: value, unit: unit, thresholds: row.thresholds, grade: grade, better: row.better,
                standard: row.standard, effective: row.effective, replaces: row.replaces, benchmark: row.benchmark,
                baseline: row.baseline, gapToBenchmarkTce: gap, upcoming: upcomingGrade)
            var evidence = [Evidence(name: "measured value", value: .number(value), unit: unit, source: try t.string("source"))]
            for (i, threshold) in row.thresholds.enumerated() {
                if let threshold {
                    evidence.append(Evidence(name: "grade \(i + 1) threshold", value: .number(threshold), unit: unit,
                                             source: "\(row.standard)\(row.source.map { ", \($0)" } ?? "")"))
                }
            }
            evidence += try readEvidence(t)
            let message = ComplianceMessage.text(result)
            var references = evaluation!.rule.references
            if !references.contains(where: { $0.standard == row.standard }) {
                references.insert(Reference(standard: row.standard, clause: row.source, confidence: row.confidence), at: 0)
            }
            // A limit not met is critical unless the rule says otherwise (e.g. a product standard that did not yet
            // apply when the equipment was bought); a grade reached is information.
            var notMetSeverity = Severity.critical
            if let sv = try t.string("severity") {
                guard let parsed = Severity(rawValue: sv) else { throw RuleOutputError("ctx:compliance: unknown severity '\(sv)'") }
                notMetSeverity = parsed
            }
            let finding = Finding(
                ruleID: evaluation!.rule.id, subject: subject, category: .compliance,
                severity: grade == .notMet ? notMetSeverity : .info, title: indicator, message: message,
                evidence: evidence, references: references, compliance: result)
            evaluation?.findings.append(finding)
            if options.trace {
                evaluation?.trace.append(.compliance(
                    subject: subject, value: value, unit: unit, standard: row.standard, tableThresholds: tableThresholds,
                    thresholds: row.thresholds, better: row.better, grade: grade.rawValue,
                    upcoming: upcomingGrade.map { "\($0.grade.rawValue) under \($0.standard) from \($0.effective)" }))
            }
            lua.pushString(grade.rawValue)
            return .results(1)
        } catch {
            return .failure(error.message)
        }
    }

    private func readThresholds(_ t: LuaTableReader, key: StaticString) throws(RuleOutputError) -> [Double?]? {
        guard t.has(key) else { return nil }
        var values: [Double?] = []
        try t.forEachElement(key) { i throws(RuleOutputError) in
            switch lua.type(at: -1) {
            case .number:
                guard let n = lua.toNumber(-1), n.isFinite else { throw RuleOutputError("ctx:compliance.\(key)[\(i)] must be a finite number") }
                values.append(n)
            case .boolean, .nil: values.append(nil)
            default: throw RuleOutputError("ctx:compliance.\(key)[\(i)] must be a number or false")
            }
        }
        guard values.count == 3 else { throw RuleOutputError("ctx:compliance.\(key) needs three values (grades 1, 2, 3; false where none)") }
        return values
    }

    /// `host.applicability(ok, reason)`: the rule's `applies` decision (traced runs only).
    func hostApplicability(_ lua: LuaState) -> HostReturn {
        evaluation?.trace.append(.applicability(applies: lua.toBool(1) ?? false, reason: lua.toString(2)))
        return .results(0)
    }

    /// reader(raw, key, value): a scalar the rule read from the profile (traced runs only).
    func hostRead(_ lua: LuaState) -> HostReturn {
        guard evaluation != nil else { return .results(0) }
        let base = profilePath(ofTableAt: 1) ?? "profile"
        lua.rawGetField(1, "id")
        let id = lua.toString(-1)
        lua.pop(1)
        lua.rawGetField(1, "type")
        let type = lua.toString(-1)
        lua.pop(1)
        let key = lua.toString(2) ?? lua.toNumber(2).map { NumberFormat.plain($0) } ?? "?"
        let value: String
        switch lua.type(at: 3) {
        case .nil: value = "nil (not in the profile)"
        case .number:
            value = NumberFormat.plain(lua.toNumber(3) ?? 0) + (Self.schemaUnit(of: lua.toString(2) ?? "", in: base, type: type).map { " \($0)" } ?? "")
        case .string: value = "\"\(lua.toString(3) ?? "")\""
        case .boolean: value = lua.toBool(3) == true ? "true" : "false"
        default: value = lua.type(at: 3).name
        }
        let path = (base == "profile" ? "" : base + (id.map { " (\($0))" } ?? "") + ".") + key
        evaluation?.trace.append(.read(path: path, value: value))
        return .results(0)
    }

    /// The unit a profile field reaches rules in, from the schema: the object is found from the
    /// first path component (`plant`, `energy.…`, `products[2]`) or, for process units and
    /// equipment, from its `type`.
    static func schemaUnit(of key: String, in base: String, type: String?) -> String? {
        let head = String(base.prefix { $0 != "." && $0 != "[" })
        var spec: ObjectSpec?
        switch ProfileSchema.root.field(head)?.kind {
        case .object(let name)?: spec = ProfileSchema.objectTypes[name]
        case .list(.object(let name))?: spec = ProfileSchema.objectTypes[name]
        case .carrierMap?: spec = ProfileSchema.objectTypes["energy_use"]
        case .variants?: spec = type.flatMap { ProfileSchema.objectTypes[$0] }
        default: spec = base == "profile" ? ProfileSchema.root : nil
        }
        switch spec?.field(key)?.kind {
        case .quantity(let q)?:
            // Energy fields are in the carrier's own unit (`energy.electricity.price` in yuan/kWh).
            guard q.unit.contains("carrier") else { return q.unit }
            let carrier = base.split(separator: ".").dropFirst().first.flatMap { EnergyCarrier.named(String($0)) }
            return carrier.map { c in q.unit.split(separator: "/", omittingEmptySubsequences: false).map { $0 == "carrier" ? c.unit : String($0) }.joined(separator: "/") }
        case .number(let unit, _, _)? where unit != "1": return unit
        default: return nil
        }
    }

    /// `ctx:not_applicable(reason)` or `ctx:not_applicable{subject = …, reason = …}`.
    func hostNotApplicable(_ lua: LuaState) -> HostReturn {
        hostCalls.notApplicable += 1
        if let refusal = reportingRefusal("not_applicable") { return .failure(refusal) }
        let at = argument(lua)
        let outcome: RuleOutcome
        do throws(RuleOutputError) {
            if let reason = lua.stringBuffer(at) {
                outcome = RuleOutcome(ruleID: evaluation!.rule.id, status: .notApplicable,
                                      detail: try LuaTableReader.text(reason, lua, path: "ctx:not_applicable"))
            } else {
                guard let t = LuaTableReader(lua, at: at, path: "ctx:not_applicable") else {
                    return .failure("ctx:not_applicable expects a reason (text) or {subject = …, reason = …}")
                }
                outcome = RuleOutcome(ruleID: evaluation!.rule.id, status: .notApplicable, subject: try t.string("subject"),
                                      detail: try t.string("reason") ?? "not applicable")
            }
        } catch { return .failure(error.message) }
        evaluation!.outcomes.append(outcome)
        return .results(0)
    }

    /// `ctx:insufficient_data{subject = …, needs = {"process_units[K1].clinker_energy", …}, message = …}`.
    func hostInsufficientData(_ lua: LuaState) -> HostReturn {
        hostCalls.insufficientData += 1
        if let refusal = reportingRefusal("insufficient_data") { return .failure(refusal) }
        if let text = lua.toString(argument(lua)) {
            evaluation?.outcomes.append(RuleOutcome(ruleID: evaluation!.rule.id, status: .insufficientData, detail: text, needs: [text]))
            return .results(0)
        }
        guard let t = LuaTableReader(lua, at: argument(lua), path: "ctx:insufficient_data") else {
            return .failure("ctx:insufficient_data expects {needs = {field paths}, message = …}")
        }
        do throws(RuleOutputError) {
            var needs: [String] = []
            try t.forEachElement("needs") { i throws(RuleOutputError) in
                guard lua.type(at: -1) == .string else { throw RuleOutputError("ctx:insufficient_data.needs[\(i)] must be a field path (text)") }
                let s = try LuaTableReader.textOnTop(lua, path: "ctx:insufficient_data.needs[\(i)]")
                needs.append(s)
            }
            guard !needs.isEmpty else { throw RuleOutputError("ctx:insufficient_data needs = {…} must name at least one field to measure") }
            let message = try t.localized("message")?.en ?? "cannot be determined without \(needs.joined(separator: ", "))"
            evaluation?.outcomes.append(RuleOutcome(ruleID: evaluation!.rule.id, status: .insufficientData, subject: try t.string("subject"),
                                                    detail: message, needs: needs))
            return .results(0)
        } catch { return .failure(error.message) }
    }

    /// `print(…)` inside rules: kept for `ediag explain`, never written to stdout.
    func hostPrint(_ lua: LuaState) -> HostReturn {
        if evaluation != nil, evaluation!.printed.count < 200 {
            let length = lua.stringLength(1)
            // Printed text is kept for `explain`, cut to 2000 characters; a huge text is not even copied.
            let text = length <= 8192 ? String((lua.toString(1) ?? "").prefix(2000)) : "(\(length) bytes of printed text)"
            evaluation?.printed.append(text)
        }
        return .results(0)
    }

    /// `ediag.convert(value, from, to)`.
    static func hostConvert(_ lua: LuaState) -> HostReturn {
        guard let value = lua.toNumber(1), lua.type(at: 2) == .string, lua.type(at: 3) == .string else {
            return .failure("ediag.convert(value, from_unit, to_unit) expects a number and two unit texts")
        }
        // Each call counts as one instruction, so its own work must stay small: units are short.
        guard lua.stringLength(2) <= 64, lua.stringLength(3) <= 64, let from = lua.toString(2), let to = lua.toString(3) else {
            return .failure("ediag.convert: a unit is at most 64 bytes")
        }
        do throws(UnitError) {
            lua.push(try Unit(from).convert(value, to: try Unit(to)))
            return .results(1)
        } catch {
            return .failure("ediag.convert: \(error)")
        }
    }

    // MARK: - Shared readers

    private func subject(_ t: LuaTableReader) throws(RuleOutputError) -> String {
        try t.string("subject") ?? "plant"
    }

    private func readValues(_ t: LuaTableReader) throws(RuleOutputError) -> MessageValues {
        var values = MessageValues()
        guard t.has("values") else { return values }
        lua.rawGet(t.index, field: "values")
        defer { lua.pop(1) }
        guard let v = LuaTableReader(lua, at: -1, path: "values") else { throw RuleOutputError("values must be a table of name = value") }
        for entry in try v.sortedEntries() {
            let key = entry.key
            switch entry.type {
            case .number:
                guard entry.number.isFinite else { throw RuleOutputError("values.\(key) is not a finite number") }
                values.append(key, .number(entry.number))
            case .string: values.append(key, .text(try LuaTableReader.text(entry.text, lua, path: "values.\(key)")))
            case .boolean: values.append(key, .bool(entry.number != 0))
            default: throw RuleOutputError("values.\(key) must be a number, text or boolean, got a \(entry.type.name)")
            }
        }
        return values
    }

    private func readEvidence(_ t: LuaTableReader) throws(RuleOutputError) -> [Evidence] {
        var evidence: [Evidence] = []
        try t.forEachElement("evidence") { i throws(RuleOutputError) in
            guard let e = LuaTableReader(lua, at: -1, parent: "evidence", element: i) else {
                throw RuleOutputError("evidence[\(i)] must be {name = …, value = …, unit = …, source = …}")
            }
            guard let name = try e.string("name") else { throw RuleOutputError("evidence[\(i)] needs a name") }
            let value: EvidenceValue = try e.with("value") { type throws(RuleOutputError) in
                switch type {
                case .number:
                    let n = lua.toNumber(-1)!
                    guard n.isFinite else { throw RuleOutputError("evidence[\(i)].value is not a finite number") }
                    return .number(n)
                case .string: return .text(try LuaTableReader.textOnTop(lua, path: "evidence[\(i)].value"))
                case .boolean: return .bool(lua.toBool(-1)!)
                default: throw RuleOutputError("evidence[\(i)].value must be a number, text or boolean, got a \(type.name)")
                }
            }
            evidence.append(Evidence(name: name, value: value, unit: try e.string("unit"), source: try e.string("source")))
        }
        return evidence
    }
}

/// One row of a limit table as `ediag.limits` returns it.
struct LimitRow {
    var standard: String
    var effective: String
    var replaces: String?
    var unit: String
    var better: String
    var thresholds: [Double?]
    var benchmark: Double?
    var baseline: Double?
    var source: String?
    var confidence: String?

    static func read(_ lua: LuaState, path: String) throws(RuleOutputError) -> LimitRow? {
        guard lua.type(at: -1) != .nil else { return nil }
        guard let t = LuaTableReader(lua, at: -1, path: path) else { throw RuleOutputError("\(path) must be a limit row from ediag.limits") }
        guard let standard = try t.string("standard"), let effective = try t.string("effective") else {
            throw RuleOutputError("\(path) must come from ediag.limits (standard and effective date are missing)")
        }
        func grade(_ key: StaticString) throws(RuleOutputError) -> Double? {
            try t.with(key) { type throws(RuleOutputError) in
                guard type == .number, let n = lua.toNumber(-1) else { return nil }
                guard n.isFinite else { throw RuleOutputError("\(path).\(key) must be a finite number") }
                return n
            }
        }
        return LimitRow(standard: standard, effective: effective, replaces: try t.string("replaces"), unit: try t.string("unit") ?? "",
                        better: try t.string("better") ?? "lower", thresholds: [try grade("grade1"), try grade("grade2"), try grade("grade3")],
                        benchmark: try t.number("benchmark"), baseline: try t.number("baseline"), source: try t.string("source"),
                        confidence: try t.string("confidence"))
    }

    /// The best grade whose threshold the value meets, tables taken as published (grades need not
    /// be monotonic).
    func grade(of value: Double) -> ComplianceGrade {
        let grades: [ComplianceGrade] = [.grade1, .grade2, .grade3]
        for (i, threshold) in thresholds.enumerated() {
            guard let threshold else { continue }
            if better == "higher" ? value >= threshold : value <= threshold { return grades[i] }
        }
        return .notMet
    }
}
