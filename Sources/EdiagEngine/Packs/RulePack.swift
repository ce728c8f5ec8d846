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

/// A plugin read from disk: manifest, rule files, Lua modules and data tables. Immutable and
/// shareable between workers; each worker compiles it into its own Lua state.
public struct RulePack: Sendable {
    public var manifest: PluginManifest
    /// The plugin's folder.
    public var directory: String
    /// Rule files (`*.lua` at the top of the folder), sorted by path.
    public var ruleFiles: [SourceFile]
    /// Lua modules (`lib/*.lua`) by module name.
    public var modules: [String: SourceFile]
    public var dataTables: [DataTable]
    /// The hash of every file in the plugin's folder, as read when it was loaded.
    public var contentHash: FolderHash

    public var name: String { manifest.name }

    public init(manifest: PluginManifest, directory: String, ruleFiles: [SourceFile],
                modules: [String: SourceFile], dataTables: [DataTable], contentHash: FolderHash? = nil) {
        self.manifest = manifest
        self.directory = directory
        self.ruleFiles = ruleFiles
        self.modules = modules
        self.dataTables = dataTables
        self.contentHash = contentHash ?? FolderHash.of(directory: directory)
    }
}

/// Reads plugins from folders.
public enum PackLoader {
    /// The rule API version this ediag implements.
    public static let apiVersion = SemanticVersion(major: 1, minor: 0, patch: 0)

    /// Reads one plugin folder (it must hold `plugin.yaml`).
    /// - Throws: `PackError` naming the file and line of the first problem.
    public static func load(directory: String) throws(PackError) -> RulePack {
        let fm = FileManager.default
        let manifestPath = directory + "/plugin.yaml"
        let manifestSource: SourceValue
        do { manifestSource = try SourceDocument.load(path: manifestPath) } catch {
            throw PackError(location: error.location, message: error.message)
        }
        let manifest = try PluginManifest.decode(manifestSource, file: manifestPath)
        guard manifest.apiRange.contains(apiVersion) else {
            throw PackError(location: SourceLocation(file: manifestPath),
                            message: "plugin \(manifest.name) needs rule API \(manifest.apiRange), this ediag provides \(apiVersion)")
        }
        func read(_ path: String) throws(PackError) -> String {
            guard let data = fm.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw PackError(location: SourceLocation(file: path), message: "cannot read the file as UTF-8 text")
            }
            return text
        }
        let entries = ((try? fm.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        var ruleFiles: [SourceFile] = []
        for entry in entries where entry.hasSuffix(".lua") {
            let path = directory + "/" + entry
            ruleFiles.append(SourceFile(path: path, text: try read(path)))
        }
        var modules: [String: SourceFile] = [:]
        let libDirectory = directory + "/lib"
        for entry in ((try? fm.contentsOfDirectory(atPath: libDirectory)) ?? []).sorted() where entry.hasSuffix(".lua") {
            let path = libDirectory + "/" + entry
            modules[String(entry.dropLast(4))] = SourceFile(path: path, text: try read(path))
        }
        var tables: [DataTable] = []
        var seen: [String: String] = [:]
        let dataDirectory = directory + "/data"
        for entry in ((try? fm.contentsOfDirectory(atPath: dataDirectory)) ?? []).sorted()
        where entry.hasSuffix(".yaml") || entry.hasSuffix(".yml") || entry.hasSuffix(".json") {
            let path = dataDirectory + "/" + entry
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
        return RulePack(manifest: manifest, directory: directory, ruleFiles: ruleFiles, modules: modules, dataTables: tables,
                        contentHash: FolderHash.of(directory: directory))
    }

    /// Finds plugins under each root: a root is a plugin itself when it holds `plugin.yaml`,
    /// otherwise each of its sub-folders that holds one is. Roots are searched in the order given.
    /// - Returns: the plugins read, and the problems with those that could not be read.
    public static func discover(roots: [String]) -> (packs: [RulePack], errors: [PackError]) {
        let fm = FileManager.default
        var packs: [RulePack] = []
        var errors: [PackError] = []
        var byName: [String: String] = [:]
        for root in roots {
            var directories: [String] = []
            if fm.fileExists(atPath: root + "/plugin.yaml") {
                directories = [root]
            } else {
                for entry in ((try? fm.contentsOfDirectory(atPath: root)) ?? []).sorted()
                where fm.fileExists(atPath: root + "/" + entry + "/plugin.yaml") {
                    directories.append(root + "/" + entry)
                }
            }
            for directory in directories {
                do {
                    let pack = try load(directory: directory)
                    if let other = byName[pack.name] {
                        errors.append(PackError(location: SourceLocation(file: directory + "/plugin.yaml"),
                                                message: "a plugin named '\(pack.name)' is already loaded from \(other)"))
                        continue
                    }
                    byName[pack.name] = directory
                    packs.append(pack)
                } catch {
                    errors.append(error)
                }
            }
        }
        // Dependencies: present and in range.
        var usable: [RulePack] = []
        let versions = Dictionary(uniqueKeysWithValues: packs.map { ($0.name, $0.manifest.version) })
        for pack in packs {
            var ok = true
            for dep in pack.manifest.dependencies {
                guard let version = versions[dep.name] else {
                    errors.append(PackError(location: SourceLocation(file: pack.directory + "/plugin.yaml"),
                                            message: "plugin \(pack.name) depends on '\(dep.name)' \(dep.range), which was not found"))
                    ok = false
                    continue
                }
                if !dep.range.contains(version) {
                    errors.append(PackError(location: SourceLocation(file: pack.directory + "/plugin.yaml"),
                                            message: "plugin \(pack.name) needs \(dep.name) \(dep.range), found \(version) in \(byName[dep.name] ?? "?")"))
                    ok = false
                }
            }
            if ok { usable.append(pack) }
        }
        return (usable, errors)
    }
}
