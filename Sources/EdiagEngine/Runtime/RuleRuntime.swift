public import EdiagModel
public import LuaSandbox
import Foundation

/// One worker's compiled rules: a sandboxed Lua state with every pack loaded once, reused for
/// every plant the worker diagnoses.
///
/// A runtime is owned by one worker and never shared between threads; run several runtimes for
/// parallelism. Loading never throws for a broken rule or file: the problem is kept in
/// `loadErrors` and every other rule still runs.
public final class RuleRuntime {
    /// The rules that loaded, sorted by id.
    public private(set) var rules: [RuleMetadata] = []
    /// Problems met while loading (bad files, rules that failed to register, duplicate ids).
    public internal(set) var loadErrors: [PackError] = []
    /// The examples each rule declares (`examples = {…}`), by rule id.
    public private(set) var examples: [String: [RuleExample]] = [:]
    /// Examples read while loading, by the declaring rule's `file:line`.
    var pendingExamples: [String: [RuleExample]] = [:]
    /// Every rule declaration whose metadata could be read, in load order, including those refused
    /// afterwards (e.g. a configured parameter out of bounds), so a configuration can be checked
    /// against what the plugins declare.
    public internal(set) var declaredRules: [RuleMetadata] = []
    public let options: RuntimeOptions

    let lua: LuaState
    var prelude = PreludeRefs()
    private var ruleRefs: [(definition: Int32, parameters: Int32)] = []
    var loading: (pack: String, file: String)?
    var registered: [(metadata: RuleMetadata, definition: Int32, parameters: Int32)] = []
    /// Read and appended to by every `ctx` call: exempt from the dynamic exclusivity check (host
    /// functions never call back into Lua, so no two accesses overlap).
    @exclusivity(unchecked) var evaluation: Evaluation?
    /// Time spent in each phase since the runtime was made (only with `RuntimeOptions.phaseClock`).
    public internal(set) var phaseTimes = PhaseTimes()
    /// How often the rules called each `ctx` method since the runtime was made (the benchmark checks
    /// that the plain-Lua baseline made the same calls).
    @exclusivity(unchecked) public internal(set) var hostCalls = HostCallCounts()
    /// The trace and printed text of the last rule run with tracing on.
    var lastTrace: (events: [TraceEvent], printed: [String]) = ([], [])

    struct PreludeRefs {
        var pathKey: Int32 = 0, listMeta: Int32 = 0, proxyTemplate: Int32 = 0
        var newPack: Int32 = 0, runFile: Int32 = 0, runRule: Int32 = 0, freeze: Int32 = 0, reader: Int32 = 0
        var typeMeta: [String: Int32] = [:]
    }

    /// What the host collects while one rule runs on one plant. A class: host functions add to
    /// it in place, without copying the rule's metadata and the profile at each call.
    final class Evaluation {
        /// The running rule (one evaluation serves all the rules of a plant, in turn).
        var rule: RuleMetadata
        let profile: PlantProfile
        var findings: [Finding] = []
        var outcomes: [RuleOutcome] = []
        var printed: [String] = []
        /// Filled only when `options.trace` is on.
        var trace: [TraceEvent] = []

        init(rule: RuleMetadata, profile: PlantProfile) {
            self.rule = rule
            self.profile = profile
        }

        /// Forgets what the running rule reported (a new rule, or a stopped attempt run again).
        func clear() {
            findings = []
            outcomes = []
            printed = []
            trace = []
        }
    }

    /// `hostCalls` when the running rule started (restored when its first attempt is discarded).
    var callsAtRuleStart = HostCallCounts()
    /// Discards what a stopped first attempt reported (made once: no closure per rule and plant).
    lazy var discardAttempt: () -> Void = { [unowned self] in
        evaluation?.clear()
        hostCalls = callsAtRuleStart
    }

    /// A rule that runs under these options, with what each plant's run of it needs, worked out
    /// once (the options never change).
    struct ScheduledRule {
        var index: Int
        var limits: LuaLimits
        var severity: Severity?
        var deprecationWarning: String?
    }
    /// The rules that run, in id order (made when loading finishes).
    var schedule: [ScheduledRule] = []
    /// The profile being diagnosed (for the paths of its tables in error messages).
    var currentProfile: PlantProfile?

    /// Compiles the packs into a new sandboxed state.
    ///
    /// Plugins' `economics` contributions are added to `options.economics` in the order given, and
    /// each plugin's `provides.rules` is checked against the rules it registered.
    /// - Throws: `LuaError` only when the Lua state or the prelude cannot be created at all.
    public init(packs: [RulePack], options: RuntimeOptions = RuntimeOptions()) throws(LuaError) {
        var options = options
        // Options taken from another runtime already hold these contributions: add each plugin's once.
        for contribution in packs.compactMap(\.manifest.economics)
        where !options.economics.contributions.contains(where: { $0.plugin == contribution.plugin }) {
            options.economics.contributions.append(contribution)
        }
        self.options = options
        lua = try LuaState()
        try loadPrelude()
        if options.coverage { lua.startCoverage() }
        // Explaining a rule or measuring costs: count instructions exactly (the default step of 1000
        // would show most rules as 0).
        if options.trace || options.collectCosts { lua.setInstructionStep(1) }
        let names = Set(packs.map(\.name))
        let byName = Dictionary(packs.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        // Every plugin's environment exists before any rule file runs, so that a dependency's module
        // can be loaded in its own plugin's view whatever the load order.
        var packRefs: [(RulePack, Int32)] = []
        for pack in packs {
            var visible = [pack]
            for dep in pack.manifest.dependencies where names.contains(dep.name) { visible.append(byName[dep.name]!) }
            if let ref = setUp(pack, visible: visible) { packRefs.append((pack, ref)) }
        }
        for (pack, ref) in packRefs {
            runFiles(of: pack, packRef: ref)
            lua.unref(ref)
        }
        finishRegistration()
        for pack in packs {
            loadErrors += ProvidesCheck.ruleProblems(pack, registered: rules.filter { $0.pack == pack.name })
        }
        if options.coverage {
            for ref in ruleRefs {
                lua.pushRef(ref.definition)
                lua.scanCoverage()
            }
        }
    }

    /// Line coverage of the rule files and modules so far (empty unless `options.coverage`).
    public func coverage() -> [FileCoverage] {
        lua.coverage().map { FileCoverage(file: $0.file, executable: $0.executable, hit: $0.hit) }
    }

    // MARK: - Prelude

    private func loadPrelude() throws(LuaError) {
        let source = String(decoding: PackageResources.prelude_lua, as: UTF8.self)
        try lua.load(source, chunkName: "=ediag-prelude")
        lua.pushPrivateHelpers()
        pushHostTable()
        pushSchemaFields()
        pushCarriers()
        lua.pushString("\(PackLoader.apiVersion.major).\(PackLoader.apiVersion.minor)")
        try lua.call(arguments: 5, results: 1, limits: nil)
        let module = lua.absoluteIndex(-1)
        func ref(_ key: String) -> Int32 {
            lua.rawGetField(module, key)
            return lua.ref()
        }
        prelude.pathKey = ref("path_key")
        prelude.listMeta = ref("list_meta")
        prelude.proxyTemplate = ref("proxy_template")
        prelude.newPack = ref("new_pack")
        prelude.runFile = ref("run_file")
        prelude.runRule = ref("run_rule")
        prelude.freeze = ref("freeze")
        lua.rawGetField(module, "type_meta")
        let typeMeta = lua.absoluteIndex(-1)
        for name in ProfileSchema.objectTypes.keys.sorted() + ["energy"] {
            lua.rawGetField(typeMeta, name)
            prelude.typeMeta[name] = lua.ref()
        }
        lua.setTop(0)
    }

    private func pushHostTable() {
        lua.newTable(recordCount: 8)
        let host = lua.absoluteIndex(-1)
        lua.pushHostFunction { [unowned self] l in self.hostRegister(l) }
        lua.rawSetField(host, "register")
        lua.pushHostFunction { [unowned self] l in self.hostFinding(l) }
        lua.rawSetField(host, "finding")
        lua.pushHostFunction { [unowned self] l in self.hostCompliance(l) }
        lua.rawSetField(host, "compliance")
        lua.pushHostFunction { [unowned self] l in self.hostRecommend(l) }
        lua.rawSetField(host, "recommend")
        lua.pushHostFunction { [unowned self] l in self.hostNotApplicable(l) }
        lua.rawSetField(host, "not_applicable")
        lua.pushHostFunction { [unowned self] l in self.hostInsufficientData(l) }
        lua.rawSetField(host, "insufficient_data")
        lua.pushHostFunction { [unowned self] l in self.hostPrint(l) }
        lua.rawSetField(host, "print")
        lua.pushHostFunction { l in RuleRuntime.hostConvert(l) }
        lua.rawSetField(host, "convert")
        lua.pushHostFunction { [unowned self] l in self.hostApplicability(l) }
        lua.rawSetField(host, "applicability")
        lua.pushHostFunction { [unowned self] l in self.hostProfilePath(l) }
        lua.rawSetField(host, "profile_path")
        lua.pushHostFunction { [unowned self] l in self.hostRead(l) }
        prelude.reader = lua.ref()
    }

    private func pushSchemaFields() {
        lua.newTable(recordCount: ProfileSchema.objectTypes.count + 1)
        let table = lua.absoluteIndex(-1)
        for (name, spec) in ProfileSchema.objectTypes.sorted(by: { $0.key < $1.key }) {
            lua.newTable(arrayCount: spec.fields.count)
            for (i, field) in spec.fields.enumerated() {
                lua.pushString(field.name)
                lua.rawSetIndex(-2, i + 1)
            }
            lua.rawSetField(table, name)
        }
        lua.newTable(arrayCount: EnergyCarrier.all.count)
        for (i, carrier) in EnergyCarrier.all.enumerated() {
            lua.pushString(carrier.id)
            lua.rawSetIndex(-2, i + 1)
        }
        lua.rawSetField(table, "energy")
    }

    private func pushCarriers() {
        lua.newTable(recordCount: EnergyCarrier.all.count)
        let table = lua.absoluteIndex(-1)
        for carrier in EnergyCarrier.all {
            lua.newTable(recordCount: 6)
            lua.pushString(carrier.id); lua.rawSetField(-2, "id")
            lua.pushString(carrier.unit); lua.rawSetField(-2, "unit")
            lua.push(carrier.unit == "kWh" ? options.economics.electricityKgcePerKWh : carrier.kgcePerUnit)
            lua.rawSetField(-2, "kgce_per_unit")
            lua.push(carrier.kgCO2PerUnit); lua.rawSetField(-2, "kgco2_per_unit")
            lua.pushString(carrier.nameEn); lua.rawSetField(-2, "name_en")
            lua.pushString(carrier.nameZh); lua.rawSetField(-2, "name_zh")
            lua.rawSetField(table, carrier.id)
        }
    }

    // MARK: - Loading packs

    /// Creates a plugin's environment: its data tables and those of its dependencies, and the
    /// modules it may `require` (each with the plugin that owns it).
    /// - Returns: a reference to the pack object, or nil when it could not be set up.
    private func setUp(_ pack: RulePack, visible: [RulePack]) -> Int32? {
        // new_pack(name, data, modules)
        lua.pushRef(prelude.newPack)
        lua.pushString(pack.name)
        lua.newTable()
        let data = lua.absoluteIndex(-1)
        for p in visible.reversed() {
            for table in p.dataTables {
                pushData(table.value)
                lua.rawSetField(data, table.id)
            }
        }
        lua.newTable()
        let modules = lua.absoluteIndex(-1)
        for p in visible.reversed() {
            for (name, file) in p.modules {
                lua.newTable(recordCount: 3)
                lua.pushString(file.text); lua.rawSetField(-2, "source")
                lua.pushString("@" + file.path); lua.rawSetField(-2, "chunkname")
                lua.pushString(p.name); lua.rawSetField(-2, "owner")
                lua.rawSetField(modules, name)
            }
        }
        do {
            try lua.call(arguments: 3, results: 1, limits: options.loadLimits)
        } catch {
            loadErrors.append(PackError(location: SourceLocation(file: pack.directory), message: "cannot set up the pack: \(error)"))
            return nil
        }
        return lua.ref()
    }

    /// Runs a plugin's rule files, registering their rules.
    private func runFiles(of pack: RulePack, packRef: Int32) {
        for file in pack.ruleFiles {
            loading = (pack.name, file.path)
            lua.pushRef(prelude.runFile)
            lua.pushRef(packRef)
            lua.pushString(file.text)
            lua.pushString("@" + file.path)
            do {
                try lua.call(arguments: 3, results: 0, limits: options.loadLimits)
            } catch {
                loadErrors.append(Self.packError(from: error, file: file.path))
                // Rules the file registered before failing are dropped with it.
                registered.removeAll { $0.metadata.location.hasPrefix(file.path + ":") }
            }
            loading = nil
        }
    }

    static func packError(from error: LuaError, file: String) -> PackError {
        let message = error.description
        // Lua messages start with "path:line:"; lift that into the location. Lua shortens long
        // paths to "...tail", so the file is found by its tail.
        let shortened = message.range(of: "...").flatMap { dots -> Range<String.Index>? in
            let tail = message[dots.upperBound...].prefix { $0 != ":" }
            guard !tail.isEmpty, file.hasSuffix(tail), let colon = message[dots.upperBound...].firstIndex(of: ":") else { return nil }
            return dots.lowerBound..<message.index(after: colon)
        }
        if let range = message.range(of: file + ":") ?? shortened {
            let rest = message[range.upperBound...]
            let lineText = rest.prefix { $0.isNumber }
            if let line = Int(lineText) {
                let text = rest.dropFirst(lineText.count).drop { $0 == ":" || $0 == " " }
                return PackError(location: SourceLocation(file: file, line: line), message: String(text))
            }
        }
        return PackError(location: SourceLocation(file: file), message: message)
    }

    private func finishRegistration() {
        var seen: [String: String] = [:]
        var kept: [(metadata: RuleMetadata, definition: Int32, parameters: Int32)] = []
        for entry in registered {
            if let first = seen[entry.metadata.id] {
                loadErrors.append(PackError(location: Self.location(entry.metadata.location),
                                            message: "rule id '\(entry.metadata.id)' is already declared at \(first)",
                                            ruleID: entry.metadata.id))
                continue
            }
            seen[entry.metadata.id] = entry.metadata.location
            kept.append(entry)
        }
        for entry in kept { examples[entry.metadata.id] = pendingExamples[entry.metadata.location] ?? [] }
        pendingExamples = [:]
        kept.sort { $0.metadata.id < $1.metadata.id }
        rules = kept.map(\.metadata)
        ruleRefs = kept.map { ($0.definition, $0.parameters) }
        schedule = rules.indices.compactMap { index in
            let rule = rules[index]
            guard options.runs(rule) else { return nil }
            return ScheduledRule(index: index, limits: options.limits(forPlugin: rule.pack),
                                 severity: options.severityOverrides[rule.id],
                                 deprecationWarning: rule.deprecated.map { "rule \(rule.id) is \($0) (plugin \(rule.pack))" })
        }
        registered = []
        lua.collectGarbage()
    }

    static func location(_ text: String) -> SourceLocation {
        if let colon = text.lastIndex(of: ":"), let line = Int(text[text.index(after: colon)...]) {
            return SourceLocation(file: String(text[..<colon]), line: line)
        }
        return SourceLocation(file: text)
    }

    // MARK: - Pushing values

    func pushData(_ value: DataValue) {
        switch value {
        case .number(let n):
            if n == n.rounded(), abs(n) < 1e15 { lua.push(Int(n)) } else { lua.push(n) }
        case .text(let t): lua.pushString(t)
        case .bool(let b): lua.push(b)
        case .null: lua.push(false)
        case .list(let items):
            lua.newTable(arrayCount: items.count)
            for (i, item) in items.enumerated() {
                pushData(item)
                lua.rawSetIndex(-2, i + 1)
            }
        case .map(let pairs):
            lua.newTable(recordCount: pairs.count)
            for pair in pairs {
                pushData(pair.value)
                lua.rawSetField(-2, pair.key)
            }
        }
    }

    /// Pushes the profile as read-only proxies that know the schema (unknown fields are errors).
    /// Each table keeps, under the private path key, its number in the order the tables are made
    /// (`tables` counts them); its path for an error message is found from that number only when
    /// one is needed (`profilePath(ofTable:)`).
    func pushProfile(_ value: ProfileValue, tables: inout Int) {
        _ = lua.ensureStack(16)
        switch value {
        case .number(let d): lua.push(d)
        case .integer(let i): lua.push(i)
        case .text(let s): lua.pushString(s)
        case .bool(let b): lua.push(b)
        case .list(let items):
            let number = tables
            tables += 1
            lua.newTable(arrayCount: items.count, recordCount: 1)
            for (i, item) in items.enumerated() {
                pushProfile(item, tables: &tables)
                lua.rawSetIndex(-2, i + 1)
            }
            finishProxy(number: number, meta: prelude.listMeta)
        case .object(let object):
            let number = tables
            tables += 1
            lua.newTable(recordCount: object.fields.count + 1)
            for field in object.fields {
                pushProfile(field.value, tables: &tables)
                lua.rawSetField(-2, field.name)
            }
            finishProxy(number: number, meta: prelude.typeMeta[object.type] ?? prelude.listMeta)
        }
    }

    /// The path of the profile table numbered `number` by `pushProfile` (`profile`, `energy.electricity`,
    /// `equipment[3]`), found by making the tables' numbers again in the same order.
    static func profilePath(ofTable number: Int, in root: ProfileObject) -> String? {
        var next = 0
        func visit(_ value: ProfileValue, path: String) -> String? {
            switch value {
            case .list(let items):
                if next == number { return path }
                next += 1
                for (i, item) in items.enumerated() where item.isContainer {
                    if let found = visit(item, path: "\(path)[\(i + 1)]") { return found }
                }
            case .object(let object):
                if next == number { return path.isEmpty ? "profile" : path }
                next += 1
                for field in object.fields where field.value.isContainer {
                    if let found = visit(field.value, path: path.isEmpty ? field.name : "\(path).\(field.name)") { return found }
                }
            default: break
            }
            return nil
        }
        return visit(.object(root), path: "")
    }

    /// `host.profile_path(n)`: the path of the current profile's table number `n`, for messages.
    func hostProfilePath(_ lua: LuaState) -> HostReturn {
        guard let number = lua.toInteger(1), let profile = currentProfile,
              let path = Self.profilePath(ofTable: number, in: profile.root) else { return .results(0) }
        lua.pushString(path)
        return .results(1)
    }

    /// The path of the profile table at `index` (its private path key holds its number), or nil.
    func profilePath(ofTableAt index: Int32) -> String? {
        lua.pushRef(prelude.pathKey)
        lua.rawGet(index)
        let number = lua.toInteger(-1)
        lua.pop(1)
        guard let number, let profile = currentProfile else { return nil }
        return Self.profilePath(ofTable: number, in: profile.root)
    }

    private func finishProxy(number: Int, meta: Int32) {
        lua.pushRef(prelude.pathKey)
        lua.push(number)
        lua.rawSet(-3)
        lua.pushRef(meta)
        lua.setMetatable(-2)
        if options.trace && meta != prelude.listMeta {
            lua.wrapInTracedProxy(templateRef: prelude.proxyTemplate, readerRef: prelude.reader)
        } else {
            lua.wrapInProxy(templateRef: prelude.proxyTemplate)
        }
    }

    // MARK: - Diagnosis


    /// Runs every enabled rule on the profile and returns the prioritized diagnosis.
    public func diagnose(_ profile: PlantProfile) -> Diagnosis { diagnose(profile, only: nil) }

    /// Runs one rule on the profile with tracing and cost measurement, and says why it decided what
    /// it did. Nil when no rule has this id. The runtime must have been made with `options.trace`.
    public func explain(rule id: String, profile: PlantProfile) -> RuleExplanation? {
        guard let rule = rules.first(where: { $0.id == id }) else { return nil }
        let diagnosis = diagnose(profile, only: id)
        let overrides = options.parameterOverrides[id] ?? [:]
        return RuleExplanation(rule: rule, parameters: rule.parameters.map { ($0.name, overrides[$0.name] ?? $0.defaultValue, $0.unit) },
                               events: lastTrace.events, findings: diagnosis.findings, outcomes: diagnosis.outcomes,
                               cost: diagnosis.costs.first, printed: lastTrace.printed)
    }

    func diagnose(_ profile: PlantProfile, only: String?) -> Diagnosis {
        let phaseStart = options.phaseClock?()
        let valuationBefore = phaseTimes.valuation
        currentProfile = profile
        defer { currentProfile = nil }
        var tables = 0
        pushProfile(.object(profile.root), tables: &tables)
        let plantRef = lua.ref()
        lua.pushString(profile.assessmentDate)
        let dateRef = lua.ref()
        defer {
            lua.unref(plantRef)
            lua.unref(dateRef)
        }
        var findings: [Finding] = []
        var outcomes: [RuleOutcome] = []
        var costs: [RuleCost] = []
        var warnings = profile.warnings
        let clock = ContinuousClock()
        var plantEvaluation: Evaluation?
        for scheduled in schedule {
            let index = scheduled.index
            if let only, rules[index].id != only { continue }
            let current: Evaluation
            if let plantEvaluation {
                plantEvaluation.rule = rules[index]
                plantEvaluation.clear()
                current = plantEvaluation
            } else {
                current = Evaluation(rule: rules[index], profile: profile)
                plantEvaluation = current
            }
            let rule = current.rule
            if let deprecation = scheduled.deprecationWarning {
                warnings.append(ProfileIssue(.warning, Self.location(rule.location), path: "", deprecation))
            }
            evaluation = current
            lua.pushRef(prelude.runRule)
            lua.pushRef(ruleRefs[index].definition)
            lua.pushRef(plantRef)
            lua.pushRef(ruleRefs[index].parameters)
            lua.pushRef(dateRef)
            lua.push(options.trace)
            let start = options.collectCosts ? clock.now : nil
            callsAtRuleStart = hostCalls
            do throws(LuaError) {
                // Without the instruction hook first unless instructions are being measured; a stopped
                // attempt's reports are discarded before the counted run.
                try lua.call(arguments: 5, results: 1, limits: scheduled.limits,
                             fastFirst: fastAttempts ? discardAttempt : nil)
                // run_rule returns the reason when the rule's applicability test said no; it is checked
                // like any text a rule reports (size, UTF-8).
                if lua.type(at: -1) == .string {
                    hostCalls.notApplicable += 1
                    do throws(RuleOutputError) {
                        let reason = try LuaTableReader.textOnTop(lua, path: "the applicability test's reason")
                        current.outcomes.append(RuleOutcome(ruleID: rule.id, status: .notApplicable, detail: reason))
                    } catch {
                        lua.pop(1)
                        throw LuaError.runtime("\(rule.location): \(error.message)")
                    }
                }
                lua.pop(1)
                let done = current
                if let severity = scheduled.severity {
                    for i in done.findings.indices { done.findings[i].severity = severity }
                }
                findings += done.findings
                outcomes += done.outcomes
                if done.findings.isEmpty && done.outcomes.isEmpty {
                    outcomes.append(RuleOutcome(ruleID: rule.id, status: .nothingToReport))
                } else if !done.findings.isEmpty {
                    outcomes.append(RuleOutcome(ruleID: rule.id, status: .reported, detail: "\(done.findings.count) finding(s)"))
                }
            } catch {
                outcomes.append(RuleOutcome(ruleID: rule.id, status: .failed, detail: error.description))
            }
            if let start {
                let elapsed = clock.now - start
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                costs.append(RuleCost(ruleID: rule.id, seconds: seconds, instructions: lua.lastCallCost.instructions,
                                      peakBytes: lua.lastCallCost.peakBytes))
            }
            if options.trace { lastTrace = (current.trace, current.printed) }
            evaluation = nil
        }
        let prioritizationStart = options.phaseClock?()
        let prioritized = Prioritizer(ranking: options.ranking).order(findings)
        if let phaseStart, let prioritizationStart, let clock = options.phaseClock {
            let now = clock()
            phaseTimes.prioritization += now &- prioritizationStart
            phaseTimes.evaluation += (prioritizationStart &- phaseStart) &- (phaseTimes.valuation &- valuationBefore)
        }
        return Diagnosis(plantID: profile.plantID, plantName: profile.plantName, sector: profile.sector,
                         assessmentDate: profile.assessmentDate, source: profile.source, findings: prioritized,
                         outcomes: outcomes, warnings: warnings, costs: costs)
    }

    /// Whether rules run first without the instruction hook (`LuaState.call(…, fastFirst:)`): not
    /// when instructions are measured or lines traced.
    var fastAttempts: Bool { options.fastAttempts && !options.collectCosts && !options.trace && !options.coverage }

    /// Calls of each `ctx` method (an applicability test that says no counts as `not_applicable`).
    public struct HostCallCounts: Sendable, Equatable {
        public var finding = 0, compliance = 0, recommend = 0, notApplicable = 0, insufficientData = 0

        public init() {}
    }

    /// Nanoseconds spent in each phase of `diagnose`, summed over the plants diagnosed.
    public struct PhaseTimes: Sendable, Equatable {
        /// Handing the profile to Lua and running the rules, including reading their results into
        /// typed findings; valuation excluded.
        public var evaluation: UInt64 = 0
        /// The host's economics of each recommended measure (`MeasureValuation`).
        public var valuation: UInt64 = 0
        /// Ordering the findings.
        public var prioritization: UInt64 = 0

        public init() {}
    }

}
