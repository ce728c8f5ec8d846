public import EdiagModel

/// A plugin's manifest (`plugin.yaml`): who it is, which rule API it needs, what it provides and
/// what it depends on.
///
/// Every sector pack under `rules/` and every extension under `plugins/` has one; the fields are
/// documented in `docs/plugins.md`.
public struct PluginManifest: Sendable {
    /// Another plugin this one needs.
    public struct Dependency: Sendable {
        public var name: String
        public var range: VersionRange
        /// Where the dependency is declared, so that a refusal can name it.
        public var location: SourceLocation
    }

    /// What the plugin declares it ships; each list that is given is checked against what was found.
    public struct Provides: Sendable, Equatable {
        /// Rule ids.
        public var rules: [String]?
        /// Lua module names (`lib/<name>.lua`).
        public var modules: [String]?
        /// Data table ids (`data/*.yaml`).
        public var data: [String]?
        /// Report template files (`templates/<file>`), relative to `templates/`.
        public var templates: [String]?
        /// Where each list is declared.
        public var locations: [String: SourceLocation] = [:]

        public init(rules: [String]? = nil, modules: [String]? = nil, data: [String]? = nil, templates: [String]? = nil) {
            self.rules = rules
            self.modules = modules
            self.data = data
            self.templates = templates
        }
    }

    public var name: String
    public var version: SemanticVersion
    /// The rule API versions it works with, e.g. `>=1.0 <2`.
    public var apiRange: VersionRange
    public var description: LocalizedText
    public var sectors: [String]
    public var authors: [String]
    public var license: String?
    /// Other plugins it needs, with version ranges.
    public var dependencies: [Dependency]
    public var provides: Provides
    /// Economic defaults it contributes (local prices, grid factor, carbon price, subsidies).
    public var economics: EconomicContribution?
    /// The manifest file, and where its name and api were written.
    public var file: String
    public var nameLocation: SourceLocation
    public var apiLocation: SourceLocation

    static let fields = ["name", "version", "api", "description", "sectors", "authors", "license", "depends", "provides", "economics"]

    /// Reads and checks a manifest document.
    /// - Throws: `PackError` naming the file, line and field.
    public static func decode(_ source: SourceValue, file: String) throws(PackError) -> PluginManifest {
        let m = try LocatedMapping(source, what: "a plugin manifest")
        try m.checkKeys(fields, in: "the plugin manifest")
        func requiredText(_ key: String) throws(PackError) -> String {
            guard let t = try m.text(key, in: "manifest"), !t.isEmpty else {
                throw PackError(location: m.value(key)?.location ?? source.location, message: "manifest field '\(key)' is required (text)")
            }
            return t
        }
        let name = try requiredText("name")
        guard name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw PackError(location: m.value("name")!.location, message: "plugin name '\(name)' may use only lower-case letters, digits, '-' and '_'")
        }
        let versionText = try requiredText("version")
        guard let version = SemanticVersion(versionText) else {
            throw PackError(location: m.value("version")!.location, message: "version '\(versionText)' is not a semantic version (e.g. 1.2.0)")
        }
        let apiText = try requiredText("api")
        guard let api = VersionRange(apiText) else {
            throw PackError(location: m.value("api")!.location, message: "api '\(apiText)' is not a version range (e.g. '>=1.0 <2')")
        }
        var description = LocalizedText(zh: "", en: "")
        if let d = m.value("description") {
            let dm = try LocatedMapping(d, what: "manifest field 'description'")
            try dm.checkKeys(["zh", "en"], in: "description")
            description = LocalizedText(zh: try dm.text("zh", in: "description") ?? "", en: try dm.text("en", in: "description") ?? "")
        }
        guard !description.zh.isEmpty, !description.en.isEmpty else {
            throw PackError(location: m.value("description")?.location ?? source.location,
                            message: "manifest field 'description' needs both zh and en")
        }
        var dependencies: [Dependency] = []
        if let d = m.value("depends") {
            for dep in try LocatedMapping(d, what: "manifest field 'depends'").pairs {
                guard case .scalar(let r, _, _) = dep.value, let range = VersionRange(r) else {
                    throw PackError(location: dep.value.location, message: "dependency '\(dep.key)' needs a version range, e.g. '>=1.0 <2'")
                }
                if dep.key == name {
                    throw PackError(location: dep.keyLocation, message: "plugin \(name) cannot depend on itself")
                }
                dependencies.append(Dependency(name: dep.key, range: range, location: dep.keyLocation))
            }
        }
        var provides = Provides()
        if let p = m.value("provides") {
            let pm = try LocatedMapping(p, what: "manifest field 'provides'")
            try pm.checkKeys(["rules", "modules", "data", "templates"], in: "provides")
            provides.rules = try pm.textList("rules", in: "provides")
            provides.modules = try pm.textList("modules", in: "provides")
            provides.data = try pm.textList("data", in: "provides")
            provides.templates = try pm.textList("templates", in: "provides")
            for pair in pm.pairs { provides.locations[pair.key] = pair.keyLocation }
        }
        var economics: EconomicContribution?
        if let e = m.value("economics") {
            economics = try EconomicContributionDecoder.decode(e, plugin: name)
        }
        return PluginManifest(name: name, version: version, apiRange: api, description: description,
                              sectors: try m.textList("sectors", in: "manifest") ?? [],
                              authors: try m.textList("authors", in: "manifest") ?? [],
                              license: try m.text("license", in: "manifest"),
                              dependencies: dependencies, provides: provides, economics: economics, file: file,
                              nameLocation: m.value("name")!.location, apiLocation: m.value("api")!.location)
    }
}
