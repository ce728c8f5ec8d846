#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import Foundation

/// Why a batch could not write its results: the folder is read-only, full, or not a folder.
///
/// The batch stops at the first such error; every result written before it stays intact, because
/// each file is written to a temporary file in the same folder and renamed over the old one only
/// once it is complete.
public struct BatchOutputError: Error, Sendable, CustomStringConvertible {
    /// The file or folder that could not be written.
    public var path: String
    /// What the operating system said, e.g. `No space left on device`.
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// An error from the C library's `errno`.
    public init(path: String, errno code: Int32) {
        self.init(path: path, reason: String(cString: strerror(code)))
    }

    public var description: String { "cannot write \(path): \(reason)" }
}

/// A file being written: bytes go to a temporary file until `commit()` puts it in place.
///
/// Implementations must guarantee that the final path holds either its old content or the complete
/// new content, never a part; `abort()` removes the temporary file.
public protocol PendingFile: AnyObject {
    /// Appends bytes to the temporary file.
    /// - Throws: `BatchOutputError` naming the final path (e.g. the disk is full).
    func append(_ bytes: Data) throws(BatchOutputError)
    /// Flushes the bytes to disk when asked to, and renames the temporary file onto the final path.
    /// - Throws: `BatchOutputError` naming the final path.
    func commit() throws(BatchOutputError)
    /// Removes the temporary file; the final path keeps its old content.
    func abort()
}

/// Where a batch writes: creates folders, writes files atomically and removes stale ones.
///
/// The default is `DiskOutput`; tests inject one that fails like a full disk.
public protocol OutputStore: Sendable {
    /// Creates a folder and its parents.
    func createFolder(_ path: String) throws(BatchOutputError)
    /// Starts writing `path`; nothing is visible at `path` before `commit()`.
    func begin(_ path: String) throws(BatchOutputError) -> any PendingFile
    /// Removes a file that a previous run left and that no longer belongs to the results.
    func remove(_ path: String) throws(BatchOutputError)
}

extension OutputStore {
    /// Writes a whole file atomically.
    public func write(_ bytes: Data, to path: String) throws(BatchOutputError) {
        let file = try begin(path)
        do {
            try file.append(bytes)
            try file.commit()
        } catch {
            file.abort()
            throw error
        }
    }

    /// Writes a whole text file (UTF-8) atomically.
    public func write(_ text: String, to path: String) throws(BatchOutputError) {
        try write(Data(text.utf8), to: path)
    }
}

/// Writes to the local file system: a hidden temporary file next to the target, `fsync`, `rename`.
public struct DiskOutput: OutputStore {
    /// The suffix of temporary files; `removeLeftovers(in:)` deletes files carrying it.
    public static let temporaryMarker = ".ediag-partial"

    /// Flush each file to disk before renaming it (protects against power loss, not only crashes).
    public var synchronize: Bool

    public init(synchronize: Bool = true) {
        self.synchronize = synchronize
    }

    public func createFolder(_ path: String) throws(BatchOutputError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return }
            throw BatchOutputError(path: path, reason: "a file is in the way where the output folder should be")
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != path { try createFolder(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw BatchOutputError(path: path, errno: errno) }
    }

    public func begin(_ path: String) throws(BatchOutputError) -> any PendingFile {
        try DiskPendingFile(path: path, synchronize: synchronize)
    }

    public func remove(_ path: String) throws(BatchOutputError) {
        if unlink(path) != 0 && errno != ENOENT { throw BatchOutputError(path: path, errno: errno) }
    }

    /// Deletes temporary files an interrupted run left in `folder` (not recursive).
    public static func removeLeftovers(in folder: String) {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where entry.hasPrefix(".") && entry.contains(temporaryMarker) {
            unlink(folder + "/" + entry)
        }
    }
}

/// A temporary file beside its target, renamed onto it on commit.
final class DiskPendingFile: PendingFile {
    let path: String
    let temporaryPath: String
    let synchronize: Bool
    private var descriptor: Int32

    init(path: String, synchronize: Bool) throws(BatchOutputError) {
        self.path = path
        self.synchronize = synchronize
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        temporaryPath = (folder.isEmpty ? "" : folder + "/") + "." + name + DiskOutput.temporaryMarker + "-\(getpid())"
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0 { throw BatchOutputError(path: path, errno: errno) }
    }

    func append(_ bytes: Data) throws(BatchOutputError) {
        let failure: Int32? = bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure { throw BatchOutputError(path: path, errno: failure) }
    }

    func commit() throws(BatchOutputError) {
        if synchronize && fsync(descriptor) != 0 {
            let code = errno
            abort()
            throw BatchOutputError(path: path, errno: code)
        }
        if close(descriptor) != 0 {
            let code = errno
            descriptor = -1
            abort()
            throw BatchOutputError(path: path, errno: code)
        }
        descriptor = -1
        if rename(temporaryPath, path) != 0 {
            let code = errno
            abort()
            throw BatchOutputError(path: path, errno: code)
        }
    }

    func abort() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        unlink(temporaryPath)
    }

    deinit {
        if descriptor >= 0 { abort() }
    }
}
