import EdiagModel
import Foundation

/// `ediag lint`: checks plugins without running a diagnosis.
///
/// Errors (the exit code is non-zero): anything that stops a rule, file or plugin from loading
/// (duplicate rule ids, missing titles or references, parameters without unit or default, defaults
/// outside bounds, unknown categories, bad data tables), a title given in one language only, and a
/// rule without any test. Warnings: deprecated or removed API use, parameters without a source,
/// data tables whose grades are not monotonic or whose rows overlap or leave gaps (some standards
/// publish them so).
public struct RuleLinter {
    public init() {}

    /// Lints the plugins found under `roots` (plugin folders or folders of plugins).
    public func lint(roots: [String]) -> [LintMessage] {
        let (packs, packErrors) = PackLoader.discover(roots: roots)
        var messages = packErrors.map(Self.loadMessage)
        let runtime: RuleRuntime
        do { runtime = try RuleRuntime(packs: packs) } catch {
            return messages + [LintMessage(.error, "runtime", at: SourceLocation(file: roots.first ?? "."), "cannot start the Lua sandbox: \(error)",
                                           hint: "check the Lua 5.4 installation (scripts/setup.sh)")]
        }
        messages += runtime.loadErrors.map(Self.loadMessage)
        let tested = PackTestSuite.testedRuleIDs(packs: packs, runtime: runtime)
        for rule in runtime.rules {
            let at = RuleRuntime.location(rule.location)
            if rule.title.zh == rule.title.en {
                messages.append(LintMessage(.error, "missing-title", at: at, "rule \(rule.id): the title is given in one language only ('\(rule.title.en)')",
                                            hint: "write title = { zh = \"…\", en = \"…\" } with both languages"))
            }
            if rule.summary.isEmpty {
                messages.append(LintMessage(.warning, "missing-summary", at: at, "rule \(rule.id) has no summary",
                                            hint: "add summary = \"what it checks, in one or two sentences\" (shown in docs/rules/)"))
            }
            for p in rule.parameters where p.source == nil && !p.doc.contains("not from a cited source") {
                messages.append(LintMessage(.warning, "parameter-source", at: at, "rule \(rule.id): parameter '\(p.name)' does not cite a source",
                                            hint: "add source = \"standard or publication, table, page\" (or say in doc that it is an orientation figure)"))
            }
            if !tested.contains(rule.id) {
                messages.append(LintMessage(.error, "untested-rule", at: at, "rule \(rule.id) has no test: no case in tests/ and no example mention it",
                                            hint: "add a case in \(packDirectory(rule, packs))/tests/ or examples = {…} in the rule; 'ediag new rule' shows both"))
            }
        }
        for pack in packs {
            if !pack.ruleFiles.isEmpty, !FileManager.default.fileExists(atPath: GoldenFile.directory(of: pack)) {
                messages.append(LintMessage(.warning, "no-golden-files", at: SourceLocation(file: pack.directory + "/plugin.yaml", line: 1),
                                            "plugin \(pack.name) has no golden files: a change to its output on the example plants would go unnoticed",
                                            hint: "run 'ediag test \(pack.directory) --update' and commit \(GoldenFile.directory(of: pack))/"))
            }
            for file in pack.ruleFiles + pack.modules.values.sorted(by: { $0.path < $1.path }) {
                messages += Self.deprecatedUse(in: file)
            }
            for table in pack.dataTables {
                guard let source = try? SourceDocument.load(path: table.file) else { continue }
                messages += DataTableLint.check(source, file: table.file)
            }
        }
        return messages.sorted { ($0.location.file, $0.location.line ?? 0, $0.check) < ($1.location.file, $1.location.line ?? 0, $1.check) }
    }

    private func packDirectory(_ rule: RuleMetadata, _ packs: [RulePack]) -> String {
        packs.first { $0.name == rule.pack }?.directory ?? rule.pack
    }

    /// Functions rules must not use: removed from Lua 5.4 or outside the rule API, and what replaces them.
    static let deprecatedAPI: [String: String] = [
        "unpack": "table.unpack (the global unpack was removed in Lua 5.2)",
        "setfenv": "a local environment table passed to load (setfenv was removed in Lua 5.2)",
        "getfenv": "explicit parameters (getfenv was removed in Lua 5.2)",
        "loadstring": "load(text) (loadstring was removed in Lua 5.2)",
        "module": "a lib/*.lua module that returns a table, loaded with require",
        "table.getn": "the length operator #t",
        "table.maxn": "the length operator #t, or a loop over pairs",
        "table.setn": "nothing: table sizes are implicit",
        "math.pow": "the ^ operator",
        "math.ldexp": "x * 2.0 ^ e",
        "math.frexp": "math.log(x, 2) and math.floor",
        "math.mod": "math.fmod or the % operator",
        "string.gfind": "string.gmatch",
        "math.random": "a deterministic value: rules must give the same result on every run",
        "os.time": "ediag.year(date) or the profile's assessment date (rules have no clock)",
        "os.date": "the profile's assessment date (rules have no clock)",
        "io.open": "a data table in data/*.yaml read with ediag.data(id)",
    ]

    static func deprecatedUse(in file: SourceFile) -> [LintMessage] {
        var messages: [LintMessage] = []
        for name in LuaSourceScanner.names(in: file.text) where !name.isField {
            // The longest known prefix of the chain (`table.getn.x` → `table.getn`).
            let parts = name.text.split(separator: ".")
            for n in stride(from: min(parts.count, 2), through: 1, by: -1) {
                let key = parts.prefix(n).joined(separator: ".")
                if let replacement = deprecatedAPI[key] {
                    messages.append(LintMessage(.warning, "deprecated-api", at: SourceLocation(file: file.path, line: name.line),
                                                "'\(key)' is deprecated or not available to rules", hint: "use \(replacement)"))
                    break
                }
            }
        }
        return messages
    }

    /// A load problem as a lint error, with a hint for the problems rule authors meet most.
    static func loadMessage(_ e: PackError) -> LintMessage {
        let hints: [(String, String, String)] = [
            ("is already declared at", "duplicate-id", "give the newer rule its own id; ids are stable, so never reuse or rename a published one"),
            ("'title' needs zh and en", "missing-title", "write title = { zh = \"…\", en = \"…\" }"),
            ("'references' needs at least one", "missing-reference", "add references = { { standard = \"GB …\", clause = \"Table …\" } } naming the source of every figure"),
            ("unknown category", "unknown-category", "use one of \(FindingCategory.allCases.map(\.rawValue).joined(separator: ", "))"),
            ("'category' is required", "unknown-category", "add category = \"compliance\" (or benchmark, outdated_equipment, saving_measure, data_quality)"),
            ("needs a 'unit'", "parameter-unit", "add unit = \"kWh/t\" to the parameter ('1' when it has no unit)"),
            ("needs a numeric 'default'", "parameter-default", "add default = <number> to the parameter, inside its min and max"),
            ("is below its minimum", "default-out-of-bounds", "move the default inside [min, max], or widen the bounds if the source allows it"),
            ("is above its maximum", "default-out-of-bounds", "move the default inside [min, max], or widen the bounds if the source allows it"),
            ("examples[", "bad-example", "see docs/rule-api.md, 'Examples': name, profile, expect and optional patch, subject, findings"),
            ("undefined global", "undefined-global", "declare the variable local, or check its spelling"),
            ("syntax error", "syntax", "fix the Lua syntax at this line"),
            ("plugin.yaml", "manifest", "see docs/rule-api.md, 'A plugin folder'"),
            ("data table", "data-table", "see docs/rule-api.md, 'Limit tables'"),
        ]
        let text = e.description
        let match = hints.first { text.contains($0.0) }
        return LintMessage(.error, match?.1 ?? "load", at: e.location, "\(e.ruleID.map { "rule \($0): " } ?? "")\(e.message)",
                           hint: match?.2 ?? "fix the problem at this line; every other rule still loads")
    }
}
