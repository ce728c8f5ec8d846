public import EdiagModel
import Foundation

/// A plugin's folder as the host reads it: every file handed to the plugin must resolve to a
/// place inside the folder, so a symbolic link cannot give a plugin another plugin's or the
/// system's files.
struct PluginFolder {
    let directory: String
    /// The folder with symbolic links resolved, ending in `/`.
    let resolvedRoot: String

    init(directory: String) {
        self.directory = directory
        let resolved = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        resolvedRoot = resolved.hasSuffix("/") ? resolved : resolved + "/"
    }

    /// Refuses a path whose target (after following symbolic links) lies outside the folder.
    /// - Throws: `PackError` naming the path and where it leads.
    func checkInside(_ path: String) throws(PackError) {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard target.hasPrefix(resolvedRoot) else {
            throw PackError(location: SourceLocation(file: path),
                            message: "leads outside the plugin folder (to \(target)); a plugin may only use files inside its own folder")
        }
    }

    /// Walks the whole folder (hidden names left out, as in `FolderHash`) without following links:
    /// every symbolic link must lead to a file inside the folder. A link to a folder is refused too,
    /// since it could loop (`loop -> .`) or bring a whole tree into the plugin.
    /// - Throws: `PackError` naming the first link that breaks the rule.
    func checkTree() throws(PackError) {
        let fm = FileManager.default
        var pending = [directory]
        while let current = pending.popLast() {
            for entry in ((try? fm.contentsOfDirectory(atPath: current)) ?? []).sorted() where !entry.hasPrefix(".") {
                let path = current + "/" + entry
                let type = (try? fm.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
                var isDirectory: ObjCBool = false
                let exists = fm.fileExists(atPath: path, isDirectory: &isDirectory)
                if type == .typeSymbolicLink {
                    try checkInside(path)
                    if exists && isDirectory.boolValue {
                        throw PackError(location: SourceLocation(file: path),
                                        message: "is a symbolic link to a folder; a plugin may link only to files inside its own folder")
                    }
                } else if exists && isDirectory.boolValue {
                    pending.append(path)
                }
            }
        }
    }

    /// Names in a sub-folder (`""` for the plugin's top level), sorted, hidden names left out.
    func entries(_ relative: String) -> [String] {
        let path = relative.isEmpty ? directory : directory + "/" + relative
        return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Reads a file of the plugin as UTF-8 text, after checking it stays inside the folder.
    func readText(_ relative: String) throws(PackError) -> String {
        let path = directory + "/" + relative
        try checkInside(path)
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw PackError(location: SourceLocation(file: path), message: "cannot read the file as UTF-8 text")
        }
        return text
    }

    /// Every regular file under a sub-folder, relative to it, sorted; each checked to stay inside.
    func files(under relative: String) throws(PackError) -> [String] {
        var out: [String] = []
        var pending = [""]
        let fm = FileManager.default
        while let next = pending.popLast() {
            let sub = next.isEmpty ? relative : relative + "/" + next
            for entry in entries(sub) {
                let childRelative = next.isEmpty ? entry : next + "/" + entry
                let path = directory + "/" + relative + "/" + childRelative
                try checkInside(path)
                var isDirectory: ObjCBool = false
                guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue { pending.append(childRelative) } else { out.append(childRelative) }
            }
        }
        return out.sorted()
    }
}

/// Checks what a manifest's `provides` declares against what the plugin folder holds.
enum ProvidesCheck {
    /// Modules, data tables and templates (rules are checked once compiled, by the runtime).
    static func checkFiles(_ pack: RulePack) throws(PackError) {
        let p = pack.manifest.provides
        try compare(declared: p.modules, found: pack.modules.keys.sorted(), kind: "modules", pack: pack,
                    describe: { "lib/\($0).lua" }, path: { pack.directory + "/lib/\($0).lua" })
        try compare(declared: p.data, found: pack.dataTables.map(\.id).sorted(), kind: "data", pack: pack,
                    describe: { "a data table with id '\($0)'" },
                    path: { id in pack.dataTables.first { $0.id == id }?.file ?? pack.directory })
        try compare(declared: p.templates, found: pack.templates, kind: "templates", pack: pack,
                    describe: { "templates/\($0)" }, path: { pack.directory + "/templates/\($0)" })
    }

    static func compare(declared: [String]?, found: [String], kind: String, pack: RulePack,
                        describe: (String) -> String, path: (String) -> String) throws(PackError) {
        guard let declared else { return }
        let location = pack.manifest.provides.locations[kind] ?? SourceLocation(file: pack.manifest.file)
        if let missing = declared.first(where: { !found.contains($0) }) {
            throw PackError(location: location, message: "provides.\(kind) lists '\(missing)', but \(pack.directory) has no \(describe(missing))")
        }
        if let extra = found.first(where: { !declared.contains($0) }) {
            throw PackError(location: SourceLocation(file: path(extra)),
                            message: "plugin \(pack.name) ships \(describe(extra)), but provides.\(kind) at \(location) does not list '\(extra)'")
        }
    }

    /// Rules: those a plugin registered against those it declares (after compilation).
    static func ruleProblems(_ pack: RulePack, registered: [RuleMetadata]) -> [PackError] {
        guard let declared = pack.manifest.provides.rules else { return [] }
        let location = pack.manifest.provides.locations["rules"] ?? SourceLocation(file: pack.manifest.file)
        var problems: [PackError] = []
        let ids = Set(registered.map(\.id))
        for id in declared where !ids.contains(id) {
            problems.append(PackError(location: location, message: "provides.rules lists '\(id)', but no rule of plugin \(pack.name) declares it", ruleID: id))
        }
        for rule in registered where !declared.contains(rule.id) {
            problems.append(PackError(location: RuleRuntime.location(rule.location),
                                      message: "rule '\(rule.id)' is not listed in provides.rules of plugin \(pack.name) (\(location))",
                                      ruleID: rule.id))
        }
        return problems
    }
}
