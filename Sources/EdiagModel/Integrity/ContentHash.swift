import Foundation

/// The content hash of a folder: which files it holds and what is in them.
///
/// A plugin's hash covers every regular file under its folder (hidden files and folders, whose
/// names start with `.`, are left out: editors and version control put them there). Each file's own
/// SHA-256 is kept so that a lockfile check can say which file changed. The folder hash is the
/// SHA-256 of the lines `<file sha256>  <relative path>\n` in byte order of the paths, so it does
/// not depend on where the folder lies or on the order the file system lists it.
public struct FolderHash: Sendable, Equatable {
    /// `sha256:` and 64 hexadecimal digits.
    public var hash: String
    /// Relative path (with `/`) → hexadecimal SHA-256 of the file.
    public var files: [String: String]

    public init(hash: String, files: [String: String]) {
        self.hash = hash
        self.files = files
    }

    /// Hashes every regular file under `directory`.
    public static func of(directory: String) -> FolderHash {
        let fm = FileManager.default
        var files: [String: String] = [:]
        func walk(_ relative: String) {
            let absolute = relative.isEmpty ? directory : directory + "/" + relative
            for entry in ((try? fm.contentsOfDirectory(atPath: absolute)) ?? []) where !entry.hasPrefix(".") {
                let childRelative = relative.isEmpty ? entry : relative + "/" + entry
                let childAbsolute = directory + "/" + childRelative
                var isDirectory: ObjCBool = false
                guard fm.fileExists(atPath: childAbsolute, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    walk(childRelative)
                } else if let data = fm.contents(atPath: childAbsolute) {
                    files[childRelative] = SHA256.hex(data)
                }
            }
        }
        walk("")
        return FolderHash(hash: combine(files), files: files)
    }

    /// The folder hash of a set of file hashes.
    public static func combine(_ files: [String: String]) -> String {
        var hasher = SHA256()
        for path in files.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            hasher.update(files[path]! + "  " + path + "\n")
        }
        return "sha256:" + hasher.hexDigest()
    }

    /// The files that differ from `other`: changed, added (here, not there) and removed.
    public func differences(from other: FolderHash) -> (changed: [String], added: [String], removed: [String]) {
        let changed = files.keys.filter { other.files[$0] != nil && other.files[$0] != files[$0] }.sorted()
        let added = files.keys.filter { other.files[$0] == nil }.sorted()
        let removed = other.files.keys.filter { files[$0] == nil }.sorted()
        return (changed, added, removed)
    }
}
