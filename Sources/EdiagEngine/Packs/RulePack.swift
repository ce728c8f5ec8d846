public import EdiagModel
import Foundation

/// A source file of a pack, with the path it is reported under.
public struct SourceFile: Sendable, Equatable {
    /// Path as shown in messages (relative to the working folder when possible).
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// A data table a pack ships (`data/*.yaml`): limit tables with editions, or any other table.
public struct DataTable: Sendable, Equatable {
    public var id: String
    public var file: String
    public var value: DataValue
}

/// A plugin read from disk: manifest, rule files, Lua modules, data tables and report templates.
/// Immutable and shareable between workers; each worker compiles it into its own Lua state.
public struct RulePack: Sendable {
    public var manifest: PluginManifest
    /// The plugin's folder.
    public var directory: String
    /// Rule files (`*.lua` at the top of the folder), sorted by path.
    public var ruleFiles: [SourceFile]
    /// Lua modules (`lib/*.lua`) by module name.
    public var modules: [String: SourceFile]
    public var dataTables: [DataTable]
    /// Report template files under `templates/`, relative to it, sorted.
    public var templates: [String]
    /// The hash of every file in the plugin's folder, as read when it was loaded.
    public var contentHash: FolderHash
    /// Which search-path entry it was found through (`rules/`, `--plugin-path`, `EDIAG_PLUGIN_PATH`, …).
    public var origin: String

    public var name: String { manifest.name }

    /// Reads one of the plugin's report templates.
    ///
    /// Only names in `templates` (found under `templates/` when the plugin was loaded) are read, and
    /// the file is checked again at read time to lie inside the plugin's folder, so no template name
    /// (`../plugin.yaml`, `/etc/passwd`) and no symbolic link put there later reaches another file.
    /// - Throws: `PackError` naming the template and why it cannot be read.
    public func templateText(_ name: String) throws(PackError) -> String {
        guard templates.contains(name) else {
            let hint = Suggest.closest(name, among: templates).map { " Did you mean '\($0)'?" } ?? ""
            throw PackError(location: SourceLocation(file: directory + "/templates"),
                            message: "plugin \(self.name) has no template '\(name)'.\(hint) Its templates: \(templates.isEmpty ? "none" : templates.joined(separator: ", "))")
        }
        return try PluginFolder(directory: directory).readText("templates/" + name)
    }

    public init(manifest: PluginManifest, directory: String, ruleFiles: [SourceFile],
                modules: [String: SourceFile], dataTables: [DataTable], templates: [String] = [],
                contentHash: FolderHash? = nil, origin: String = "") {
        self.manifest = manifest
        self.directory = directory
        self.ruleFiles = ruleFiles
        self.modules = modules
        self.dataTables = dataTables
        self.templates = templates
        self.contentHash = contentHash ?? FolderHash.of(directory: directory)
        self.origin = origin
    }
}

/// One entry of the plugin search path: a folder and how it got there.
public struct PluginRoot: Sendable, Equatable {
    public var path: String
    /// Shown by `ediag plugins list` (e.g. `project rules/`, `--plugin-path`, `EDIAG_PLUGIN_PATH`).
    public var origin: String
    /// A folder the user named must exist (a misspelt `--plugin-path` is an error); the project's
    /// own `rules/` and `plugins/` may be absent.
    public var mustExist: Bool

    public init(path: String, origin: String, mustExist: Bool = true) {
        self.path = path
        self.origin = origin
        self.mustExist = mustExist
    }
}

/// Reads plugins from folders.
public enum PackLoader {
    /// The rule API version this ediag implements.
    public static let apiVersion = SemanticVersion(major: 1, minor: 0, patch: 0)

    /// Reads one plugin folder (it must hold `plugin.yaml`).
    ///
    /// Every file the plugin's rules can reach through the host (rule files, `lib/` modules, `data/`
    /// tables, `templates/`) must lie inside the folder: a symbolic link that leads out is refused.
    /// - Throws: `PackError` naming the file and line of the first problem.
    public static func load(directory: String, origin: String = "") throws(PackError) -> RulePack {
        let manifestPath = directory + "/plugin.yaml"
        let folder = PluginFolder(directory: directory)
        try folder.checkInside(manifestPath)
        try folder.checkTree()
        let manifestSource: SourceValue
        do { manifestSource = try SourceDocument.load(path: manifestPath) } catch {
            throw PackError(location: error.location, message: error.message)
        }
        let manifest = try PluginManifest.decode(manifestSource, file: manifestPath)
        guard manifest.apiRange.contains(apiVersion) else {
            throw PackError(location: manifest.apiLocation,
                            message: "plugin \(manifest.name) needs rule API \(manifest.apiRange), but this ediag provides rule API \(apiVersion)")
        }
        var ruleFiles: [SourceFile] = []
        for entry in folder.entries("") where entry.hasSuffix(".lua") {
            ruleFiles.append(SourceFile(path: directory + "/" + entry, text: try folder.readText(entry)))
        }
        var modules: [String: SourceFile] = [:]
        for entry in folder.entries("lib") where entry.hasSuffix(".lua") {
            let relative = "lib/" + entry
            modules[String(entry.dropLast(4))] = SourceFile(path: directory + "/" + relative, text: try folder.readText(relative))
        }
        var tables: [DataTable] = []
        var seen: [String: String] = [:]
        for entry in folder.entries("data") where entry.hasSuffix(".yaml") || entry.hasSuffix(".yml") || entry.hasSuffix(".json") {
            let path = directory + "/data/" + entry
            try folder.checkInside(path)
            let source: SourceValue
            do { source = try SourceDocument.load(path: path) } catch {
                throw PackError(location: error.location, message: error.message)
            }
            let table = try DataTableChecker.check(source, file: path)
            if let first = seen[table.id] {
                throw PackError(location: source.location, message: "data table id '\(table.id)' is also defined in \(first)")
            }
            seen[table.id] = path
            tables.append(table)
        }
        let templates = try folder.files(under: "templates")
        let pack = RulePack(manifest: manifest, directory: directory, ruleFiles: ruleFiles, modules: modules, dataTables: tables,
                            templates: templates, contentHash: FolderHash.of(directory: directory), origin: origin)
        try ProvidesCheck.checkFiles(pack)
        return pack
    }

    /// Finds plugins under each root: a root is a plugin itself when it holds `plugin.yaml`,
    /// otherwise each of its sub-folders that holds one is. Roots are searched in the order given;
    /// dependencies are then checked (`checkDependencies`).
    /// - Returns: the plugins read, and the problems with those that could not be read.
    public static func discover(roots: [String]) -> (packs: [RulePack], errors: [PackError]) {
        discover(searchPath: roots.map { PluginRoot(path: $0, origin: $0) })
    }

    /// Finds plugins along a search path (see `discover(roots:)`) and checks their dependencies.
    public static func discover(searchPath: [PluginRoot]) -> (packs: [RulePack], errors: [PackError]) {
        let (found, errors) = find(searchPath: searchPath)
        let (usable, dependencyErrors) = checkDependencies(found)
        return (usable, errors + dependencyErrors)
    }

    /// Reads every plugin along the search path. Two plugins with the same name: the first found
    /// is kept and the second refused with a message naming both manifests.
    public static func find(searchPath: [PluginRoot]) -> (packs: [RulePack], errors: [PackError]) {
        let fm = FileManager.default
        var packs: [RulePack] = []
        var errors: [PackError] = []
        var byName: [String: RulePack] = [:]
        var seenDirectories: Set<String> = []
        for root in searchPath {
            var isDirectory: ObjCBool = false
            if !fm.fileExists(atPath: root.path, isDirectory: &isDirectory) || !isDirectory.boolValue {
                if root.mustExist {
                    errors.append(PackError(location: SourceLocation(file: root.path), message: "no such plugin folder (given as \(root.origin))"))
                }
                continue
            }
            var directories: [String] = []
            if fm.fileExists(atPath: root.path + "/plugin.yaml") {
                directories = [root.path]
            } else {
                for entry in ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
                where !entry.hasPrefix(".") && fm.fileExists(atPath: root.path + "/" + entry + "/plugin.yaml") {
                    directories.append(root.path + "/" + entry)
                }
            }
            for directory in directories {
                // The same folder reached twice (e.g. `--plugin-path plugins`) is one plugin, not a clash.
                let resolved = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
                guard seenDirectories.insert(resolved).inserted else { continue }
                do {
                    let pack = try load(directory: directory, origin: root.origin)
                    if let other = byName[pack.name] {
                        errors.append(PackError(location: pack.manifest.nameLocation,
                                                message: "a plugin named '\(pack.name)' is also declared at \(other.manifest.nameLocation) (found first, through \(other.origin)); this one is refused"))
                        continue
                    }
                    byName[pack.name] = pack
                    packs.append(pack)
                } catch {
                    errors.append(error)
                }
            }
        }
        return (packs, errors)
    }

    /// Refuses plugins whose dependencies are missing or out of range, and, in turn, plugins that
    /// depend on a refused one. Each message names the declaration and what was found where.
    public static func checkDependencies(_ packs: [RulePack]) -> (packs: [RulePack], errors: [PackError]) {
        var errors: [PackError] = []
        var usable = packs
        var changed = true
        while changed {
            changed = false
            let byName = Dictionary(usable.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            var kept: [RulePack] = []
            for pack in usable {
                var problems: [PackError] = []
                for dep in pack.manifest.dependencies {
                    if let found = byName[dep.name] {
                        if !dep.range.contains(found.manifest.version) {
                            problems.append(PackError(location: dep.location,
                                                      message: "plugin \(pack.name) needs \(dep.name) \(dep.range), but \(dep.name) \(found.manifest.version) was found at \(found.manifest.file)"))
                        }
                    } else if let refused = packs.first(where: { $0.name == dep.name }) {
                        problems.append(PackError(location: dep.location,
                                                  message: "plugin \(pack.name) depends on \(dep.name), which was refused (\(refused.manifest.file))"))
                    } else {
                        problems.append(PackError(location: dep.location,
                                                  message: "plugin \(pack.name) depends on '\(dep.name)' \(dep.range), which was not found on the plugin search path"))
                    }
                }
                if problems.isEmpty { kept.append(pack) } else { errors += problems; changed = true }
            }
            usable = kept
        }
        return (usable, errors)
    }
}
