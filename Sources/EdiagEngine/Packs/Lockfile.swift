public import EdiagModel
import Foundation

/// `ediag.lock`: each plugin's version and content hash, with the hash of every file, so that a
/// later run can refuse plugins that changed and say which file did.
///
/// The file is YAML written in one deterministic form (plugins and files in byte order of their
/// names), so the same plugins always give the same bytes and a diff shows what changed.
public struct Lockfile: Sendable, Equatable {
    /// One locked plugin.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var version: String
        public var hash: FolderHash

        public init(name: String, version: String, hash: FolderHash) {
            self.name = name
            self.version = version
            self.hash = hash
        }
    }

    /// The lockfile's format version.
    public static let formatVersion = 1
    /// The file name looked for in the working folder.
    public static let fileName = "ediag.lock"

    /// Sorted by name.
    public var plugins: [Entry]

    public init(packs: [RulePack]) {
        plugins = packs.map { Entry(name: $0.name, version: $0.manifest.version.description, hash: $0.contentHash) }
            .sorted { $0.name < $1.name }
    }

    init(plugins: [Entry]) { self.plugins = plugins.sorted { $0.name < $1.name } }

    /// The file's text.
    public var text: String {
        var out = "# ediag.lock — written by `ediag plugins lock`; commit it next to ediag.yaml.\n"
        out += "# Runs refuse plugins that differ from it (see docs/plugins.md).\n"
        out += "lockfile: \(Self.formatVersion)\n"
        out += "plugins:\n"
        for p in plugins {
            out += "  \(Self.quoted(p.name)):\n"
            out += "    version: \(Self.quoted(p.version))\n"
            out += "    hash: \(Self.quoted(p.hash.hash))\n"
            out += "    files:\n"
            for path in p.hash.files.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
                out += "      \(Self.quoted(path)): \(p.hash.files[path]!)\n"
            }
        }
        return out
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\""
    }

    /// Reads a lockfile.
    /// - Throws: `PackError` naming the file and line of the problem.
    public static func read(path: String) throws(PackError) -> Lockfile {
        let source: SourceValue
        do { source = try SourceDocument.load(path: path) } catch {
            throw PackError(location: error.location, message: error.message)
        }
        let m = try LocatedMapping(source, what: "a lockfile")
        try m.checkKeys(["lockfile", "plugins"], in: "the lockfile")
        guard let format = try m.text("lockfile", in: "lockfile"), Int(format) == formatVersion else {
            throw PackError(location: m.value("lockfile")?.location ?? source.location,
                            message: "lockfile format must be \(formatVersion); write it again with `ediag plugins lock`")
        }
        var entries: [Entry] = []
        if let p = m.value("plugins"), case .mapping = p {
            for pair in try LocatedMapping(p, what: "lockfile plugins").pairs {
                let what = "plugins.\(pair.key)"
                let pm = try LocatedMapping(pair.value, what: what)
                try pm.checkKeys(["version", "hash", "files"], in: what)
                guard let version = try pm.text("version", in: what), let hash = try pm.text("hash", in: what) else {
                    throw PackError(location: pair.keyLocation, message: "\(what) needs version and hash")
                }
                var files: [String: String] = [:]
                if let f = pm.value("files"), case .mapping = f {
                    for file in try LocatedMapping(f, what: "\(what).files").pairs {
                        guard case .scalar(let h, _, _) = file.value else {
                            throw PackError(location: file.value.location, message: "\(what).files.\(file.key) must be a SHA-256 in hexadecimal")
                        }
                        files[file.key] = h
                    }
                }
                entries.append(Entry(name: pair.key, version: version, hash: FolderHash(hash: hash, files: files)))
            }
        }
        return Lockfile(plugins: entries)
    }

    /// Compares plugins as loaded with the lock.
    /// - Returns: one sentence per difference, naming the plugin and the files that changed.
    /// - Parameters:
    ///   - packs: the plugins that are to run.
    ///   - turnedOff: plugins the configuration does not run (their absence is not a difference).
    public func differences(from packs: [RulePack], lockfile path: String, turnedOff: Set<String> = []) -> [String] {
        var problems: [String] = []
        for entry in plugins where !turnedOff.contains(entry.name) && !packs.contains(where: { $0.name == entry.name }) {
            problems.append("plugin \(entry.name) \(entry.version) is locked in \(path) but did not load (missing or refused)")
        }
        let locked = Dictionary(plugins.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for pack in packs.sorted(by: { $0.name < $1.name }) {
            guard let entry = locked[pack.name] else {
                problems.append("plugin \(pack.name) (\(pack.directory)) is not in \(path); run `ediag plugins lock` to add it")
                continue
            }
            if entry.version != pack.manifest.version.description {
                problems.append("plugin \(pack.name) is version \(pack.manifest.version) in \(pack.directory), but \(path) locks \(entry.version)")
            }
            if entry.hash.hash != pack.contentHash.hash {
                let d = pack.contentHash.differences(from: entry.hash)
                var parts: [String] = []
                if !d.changed.isEmpty { parts.append("changed: " + d.changed.joined(separator: ", ")) }
                if !d.added.isEmpty { parts.append("added: " + d.added.joined(separator: ", ")) }
                if !d.removed.isEmpty { parts.append("removed: " + d.removed.joined(separator: ", ")) }
                if parts.isEmpty { parts.append("its hash \(pack.contentHash.hash) differs from the locked \(entry.hash.hash)") }
                problems.append("plugin \(pack.name) in \(pack.directory) differs from \(path): " + parts.joined(separator: "; "))
            }
        }
        return problems
    }
}
