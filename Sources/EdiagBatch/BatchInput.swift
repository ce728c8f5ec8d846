#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import EdiagModel

/// One profile file of a batch and the name its results are written under.
public struct BatchInput: Sendable, Equatable {
    /// The path as found (the argument, or the argument's folder joined with the relative path).
    public var file: String
    /// The file name for results: derived from the path relative to the argument, without the
    /// extension, `/` turned into `--`; unique in the batch (case-insensitively).
    public var name: String

    public init(file: String, name: String) {
        self.file = file
        self.name = name
    }
}

/// Why the batch's inputs could not be listed.
public struct BatchInputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "\(path): \(reason)" }
}

/// Finds the profiles of a batch: files as given, folders searched recursively for `.yaml`, `.yml`
/// and `.json`, in byte order of their paths so that every run sees the same list.
public enum ProfileDiscovery {
    /// File extensions that hold profiles.
    public static let extensions: Set<String> = ["yaml", "yml", "json"]

    /// Lists the profiles under `paths` and names their results.
    ///
    /// Hidden files and folders (a name starting with `.`) are skipped inside folders, and so are
    /// symbolic links to folders (a link back up would never end). The same file given twice is
    /// listed once.
    /// - Parameters:
    ///   - paths: files and folders.
    ///   - excluding: a folder never searched, typically the batch's output folder, so that a
    ///     batch writing inside its input folder does not read its own results as profiles.
    /// - Throws: `BatchInputError` when a path does not exist.
    public static func inputs(_ paths: [String], excluding: String? = nil) throws(BatchInputError) -> [BatchInput] {
        let skipped = excluding.map(absolute)
        // Each file with its standardized path (for "named twice"): a folder's files are its
        // standardized path joined with clean relative paths (no `.`, `..` or hidden names), so the
        // folder is standardized once, not every file.
        var found: [(file: String, relative: String, standardized: String)] = []
        let fm = FileManager.default
        for argument in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                throw BatchInputError(path: argument, reason: "no such file or folder")
            }
            if !isDirectory.boolValue {
                found.append((argument, (argument as NSString).lastPathComponent, (argument as NSString).standardizingPath))
                continue
            }
            let base = argument.hasSuffix("/") && argument.count > 1 ? String(argument.dropLast()) : argument
            var standardBase = (base as NSString).standardizingPath
            if !standardBase.hasSuffix("/") { standardBase += "/" }
            for relative in walk(base, skipping: skipped) { found.append((base + "/" + relative, relative, standardBase + relative)) }
        }
        var seen = Set<String>()
        let unique = found.filter { seen.insert($0.standardized).inserted }
        // Byte order of the paths, each path's bytes taken once.
        let sorted = unique.map { (key: Array($0.file.utf8), entry: $0) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }
            .map { (file: $0.entry.file, relative: $0.entry.relative) }
        return name(sorted)
    }

    /// Every profile file below `folder`, as paths relative to it.
    static func walk(_ folder: String, skipping: String?) -> [String] {
        var result: [String] = []
        var pending = [""]
        let fm = FileManager.default
        while let relative = pending.popLast() {
            let path = relative.isEmpty ? folder : folder + "/" + relative
            if let skipping, absolute(path) == skipping { continue }
            for entry in ((try? fm.contentsOfDirectory(atPath: path)) ?? []) where !entry.hasPrefix(".") {
                let child = relative.isEmpty ? entry : relative + "/" + entry
                switch kind(of: folder + "/" + child) {
                case .folder: pending.append(child)
                case .file where extensions.contains((entry as NSString).pathExtension.lowercased()): result.append(child)
                case .file, .linkedFolder, .missing: break
                }
            }
        }
        return result
    }

    /// What a folder entry is, links followed except to folders.
    enum EntryKind { case file, folder, linkedFolder, missing }

    /// One `lstat` (and a `stat` for a symbolic link): a link to a file counts as the file, a link
    /// to a folder is not searched (a link back up would never end), a broken link is skipped.
    static func kind(of path: String) -> EntryKind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        let isLink = (info.st_mode & S_IFMT) == S_IFLNK
        if isLink { guard stat(path, &info) == 0 else { return .missing } }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return .file }
        return isLink ? .linkedFolder : .folder
    }

    /// The absolute, standardized form of a path.
    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (full as NSString).standardizingPath
    }

    /// Result names: the relative path without extension, made safe for file names; names that
    /// collide (ignoring case) all get the first 8 hex digits of the SHA-256 of their file path.
    static func name(_ found: [(file: String, relative: String)]) -> [BatchInput] {
        let base = found.map { safeName(($0.relative as NSString).deletingPathExtension) }
        var count: [String: Int] = [:]
        for name in base { count[name.lowercased(), default: 0] += 1 }
        return zip(found, base).map { entry, name in
            let unique = count[name.lowercased()]! > 1 ? name + "-" + String(SHA256.hex(entry.file).prefix(8)) : name
            return BatchInput(file: entry.file, name: unique)
        }
    }

    /// Keeps letters (any script), digits, `.`, `_` and `-`; folder separators become `--`,
    /// anything else `_`. A leading `.` becomes `_` so that no result is hidden.
    static func safeName(_ relative: String) -> String {
        var out = ""
        for scalar in relative.unicodeScalars {
            // ASCII letters are told apart without the Unicode property tables.
            let isLetter = scalar.isASCII ? ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) : scalar.properties.isAlphabetic
            if scalar == "/" {
                out += "--"
            } else if isLetter || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-" || scalar == "." {
                out.unicodeScalars.append(scalar)
            } else {
                out += "_"
            }
        }
        if out.hasPrefix(".") { out = "_" + out.dropFirst() }
        return out.isEmpty ? "_" : out
    }
}
