import EdiagModel
import LuaSandbox

extension RuleRuntime {
    /// The most rules one runtime registers (all packs together), so that a loop calling rule{} cannot
    /// fill the host's memory.
    static let maxRules = 10_000

    static func idPattern(_ id: String) -> Bool {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }
        }
    }

    /// "file:line" with the file's whole path: Lua shortens long chunk names to "...tail".
    static func fullPath(_ position: String?, file: String) -> String {
        guard let position else { return file }
        guard let colon = position.lastIndex(of: ":") else { return position }
        let source = position[..<colon]
        let tail = source.hasPrefix("...") ? source.dropFirst(3) : source
        return file.hasSuffix(tail) ? file + position[colon...] : position
    }

    /// `rule { … }`: reads and checks the declaration, keeps the table for evaluation.
    ///
    /// An incomplete declaration is refused at its line and kept in `loadErrors`; the file goes on
    /// loading, so its other rules load and `ediag lint` sees every refused declaration at once.
    func hostRegister(_ lua: LuaState) -> HostReturn {
        guard let loading = loading else { return .failure("rule{} may only be called while a rule file loads") }
        guard registered.count < Self.maxRules else {
            return .failure("rule{}: more than \(Self.maxRules) rules are declared; a loop declaring rules?")
        }
        let location = Self.fullPath(lua.whereInScript(level: 1), file: loading.file)
        func refuse(_ message: String) -> HostReturn {
            loadErrors.append(PackError(location: SourceLocation(file: loading.file, line: Self.location(location).line), message: message))
            return .results(0)
        }
        guard let t = LuaTableReader(lua, at: 1, path: "rule") else {
            return refuse("rule{} expects a table: rule { id = …, title = …, evaluate = function(plant, ctx, params) … end }")
        }
        do throws(RuleOutputError) {
            let metadata = try readMetadata(t, pack: loading.pack, location: location)
            let examples = try readExamples(t, rule: metadata.id, file: loading.file, location: location)
            declaredRules.append(metadata)
            for p in metadata.parameters {
                guard let override = options.parameterOverrides[metadata.id]?[p.name] else { continue }
                if let min = p.min, override < min { throw RuleOutputError("rule \(metadata.id): configured \(p.name) = \(override) is below its minimum \(min)") }
                if let max = p.max, override > max { throw RuleOutputError("rule \(metadata.id): configured \(p.name) = \(override) is above its maximum \(max)") }
            }
            guard lua.rawGetField(t.index, "evaluate") == .function else {
                lua.pop(1)
                return refuse("rule \(metadata.id): 'evaluate' must be a function(plant, ctx, params)")
            }
            lua.pop(1)
            let applies = lua.rawGetField(t.index, "applies")
            lua.pop(1)
            guard applies == .nil || applies == .function else {
                return refuse("rule \(metadata.id): 'applies' must be a function(plant, ctx, params) when given")
            }
            lua.pushValue(at: t.index)
            let definition = lua.ref()
            // Parameters: defaults, overridden by configuration within bounds, frozen.
            lua.pushRef(prelude.freeze)
            lua.newTable(recordCount: metadata.parameters.count)
            let overrides = options.parameterOverrides[metadata.id] ?? [:]
            for p in metadata.parameters {
                lua.push(overrides[p.name] ?? p.defaultValue)
                lua.rawSetField(-2, p.name)
            }
            // The freeze call cannot fail on a fresh table of numbers; run it unlimited.
            do { try lua.call(arguments: 1, results: 1, limits: nil) } catch {
                return refuse("rule \(metadata.id): cannot prepare parameters: \(error)")
            }
            let parameters = lua.ref()
            registered.append((metadata, definition, parameters))
            pendingExamples[metadata.location] = examples
            return .results(0)
        } catch {
            return refuse(error.message)
        }
    }

    private func readMetadata(_ t: LuaTableReader, pack: String, location: String) throws(RuleOutputError) -> RuleMetadata {
        guard let id = try t.string("id") else { throw RuleOutputError("a rule needs an 'id', e.g. 'cement.clinker-energy-limit'") }
        guard Self.idPattern(id) else {
            throw RuleOutputError("rule id '\(id)' must be dotted lower-case words, e.g. 'cement.clinker-energy-limit'")
        }
        guard let title = try t.localized("title"), !title.zh.isEmpty, !title.en.isEmpty, title.zh != title.en || !title.zh.isEmpty else {
            throw RuleOutputError("rule \(id): 'title' needs zh and en text")
        }
        guard let categoryText = try t.string("category") else {
            throw RuleOutputError("rule \(id): 'category' is required (\(FindingCategory.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard let category = FindingCategory(rawValue: categoryText) else {
            throw RuleOutputError("rule \(id): unknown category '\(categoryText)'; one of \(FindingCategory.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var severity = category.defaultSeverity
        if let s = try t.string("severity") {
            guard let parsed = Severity(rawValue: s) else { throw RuleOutputError("rule \(id): unknown severity '\(s)' (critical, warning, info)") }
            severity = parsed
        }
        let references = try readReferences(t, key: "references", rule: id)
        guard !references.isEmpty else {
            throw RuleOutputError("rule \(id): 'references' needs at least one {standard = …} naming the source of its figures")
        }
        var parameters: [RuleParameter] = []
        if t.has("parameters") {
            lua.rawGetField(t.index, "parameters")
            guard let ptable = LuaTableReader(lua, at: -1, path: "rule \(id).parameters") else {
                lua.pop(1)
                throw RuleOutputError("rule \(id): 'parameters' must be a table of name = {default=…, unit=…}")
            }
            for name in try ptable.sortedKeys() {
                lua.rawGetField(ptable.index, name)
                defer { lua.pop(1) }
                guard let p = LuaTableReader(lua, at: -1, path: "rule \(id).parameters.\(name)") else {
                    throw RuleOutputError("rule \(id): parameter '\(name)' must be {default=…, unit=…, min=…, max=…, doc=…}")
                }
                guard let value = try p.number("default") else { throw RuleOutputError("rule \(id): parameter '\(name)' needs a numeric 'default'") }
                guard let unit = try p.string("unit") else { throw RuleOutputError("rule \(id): parameter '\(name)' needs a 'unit' ('1' when dimensionless)") }
                let min = try p.number("min"), max = try p.number("max")
                if let min, value < min { throw RuleOutputError("rule \(id): parameter '\(name)' default \(value) is below its minimum \(min)") }
                if let max, value > max { throw RuleOutputError("rule \(id): parameter '\(name)' default \(value) is above its maximum \(max)") }
                parameters.append(RuleParameter(name: name, defaultValue: value, unit: unit, min: min, max: max,
                                                doc: try p.string("doc") ?? "", source: try p.string("source")))
            }
            lua.pop(1)
        }
        var deprecated: Deprecation?
        if t.has("deprecated") {
            lua.rawGetField(t.index, "deprecated")
            defer { lua.pop(1) }
            guard let d = LuaTableReader(lua, at: -1, path: "rule \(id).deprecated") else {
                throw RuleOutputError("rule \(id): 'deprecated' must be { since = \"1.2.0\", replaced_by = \"other.rule\" }")
            }
            guard let since = try d.string("since"), SemanticVersion(since) != nil else {
                throw RuleOutputError("rule \(id): deprecated.since must be the plugin version that deprecated it, e.g. \"1.2.0\"")
            }
            let replacement = try d.string("replaced_by")
            if let replacement, !Self.idPattern(replacement) {
                throw RuleOutputError("rule \(id): deprecated.replaced_by '\(replacement)' is not a rule id")
            }
            deprecated = Deprecation(since: since, replacedBy: replacement)
        }
        return RuleMetadata(id: id, title: title, sector: try t.string("sector") ?? "cross-sector", category: category,
                            severity: severity, references: references, parameters: parameters,
                            summary: try t.string("summary") ?? "", formula: try t.string("formula") ?? "",
                            measure: try t.string("measure"), deprecated: deprecated, location: location, pack: pack)
    }

    func readReferences(_ t: LuaTableReader, key: StaticString, rule: String) throws(RuleOutputError) -> [Reference] {
        var references: [Reference] = []
        try t.forEachElement(key) { i throws(RuleOutputError) in
            guard let r = LuaTableReader(lua, at: -1, path: "\(key)[\(i)]") else {
                throw RuleOutputError("rule \(rule): \(key)[\(i)] must be {standard = …, clause = …}")
            }
            guard let standard = try r.string("standard") else {
                throw RuleOutputError("rule \(rule): \(key)[\(i)] needs 'standard' (e.g. 'GB 16780-2021' or a published source)")
            }
            references.append(Reference(standard: standard, clause: try r.string("clause"), title: try r.string("title"),
                                        url: try r.string("url"), confidence: try r.string("confidence")))
        }
        return references
    }
}
