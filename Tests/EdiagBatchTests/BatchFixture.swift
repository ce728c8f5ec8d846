import EdiagBatch
import EdiagEngine
import EdiagModel
import Foundation
import Testing

/// Throw-away folders of profiles and packs for batch tests.
enum BatchFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// A new empty folder under the system's temporary folder.
    static func folder(_ label: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ediag-\(label)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Writes files (relative path → text) under `folder`.
    static func write(_ files: [String: String], in folder: String) throws {
        for (path, text) in files {
            let full = folder + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
    }

    /// The project's own packs (rules/ and plugins/).
    static func standardPacks() -> [RulePack] {
        PackLoader.discover(roots: [root + "/rules", root + "/plugins"]).packs
    }

    /// A pack whose only rule reports one finding and a measure, and fails for plant `P-FAIL`.
    static func testPack() throws -> RulePack {
        let dir = try folder("pack")
        try write([
            "plugin.yaml": """
                name: batchtest
                version: 1.0.0
                api: ">=1.0 <2"
                description: {zh: 测试, en: test}
                """,
            "check.lua": """
                rule {
                  id = "batchtest.check", title = { zh = "测试", en = "test" }, category = "data_quality",
                  references = { { standard = "test" } },
                  evaluate = function(plant, ctx)
                    if plant.plant.id == "P-FAIL" then error("deliberate failure") end
                    ctx:finding { message = { zh = "好", en = "fine" } }
                  end,
                }
                """,
        ], in: dir)
        return try PackLoader.load(directory: dir)
    }

    /// A valid profile for plant `id`.
    static func profile(id: String, name: String = "测试厂, \"quoted\"") -> String {
        """
        plant: {id: \(id), name: '\(name)', sector: cement}
        assessment: {date: 2026-03-15}
        energy:
          electricity: {consumption: 10 GWh, price: 0.6 yuan/kWh}
        """
    }

    /// Every file under `folder` (relative path → bytes), for byte-for-byte comparison.
    static func snapshot(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[relative] = FileManager.default.contents(atPath: folder + "/" + relative) }
        }
        return files
    }

    /// Expects two output folders to hold the same files with the same bytes.
    static func expectSameFiles(_ a: String, _ b: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let (x, y) = (snapshot(a), snapshot(b))
        #expect(x.keys.sorted() == y.keys.sorted(), sourceLocation: sourceLocation)
        for key in x.keys { #expect(x[key] == y[key], "\(key) differs", sourceLocation: sourceLocation) }
    }

    /// Runs a batch over `paths` into `out`.
    static func run(_ paths: [String], out: String, packs: [RulePack], jobs: Int = 1,
                    store: (any OutputStore)? = nil) throws -> BatchReport {
        var options = BatchOptions(outputFolder: out, ediagVersion: "test")
        options.jobs = jobs
        if let store { options.store = store }
        return try BatchRunner(packs: packs, options: options).run(try ProfileDiscovery.inputs(paths))
    }
}

/// An output store that fails like a full disk once `budget` files have been written.
final class FullDisk: OutputStore, @unchecked Sendable {
    private let lock = NSLock()
    private var budget: Int
    private let disk = DiskOutput(synchronize: false)

    init(budget: Int) { self.budget = budget }

    func createFolder(_ path: String) throws(BatchOutputError) { try disk.createFolder(path) }

    func begin(_ path: String) throws(BatchOutputError) -> any PendingFile {
        let full = lock.withLock { () -> Bool in
            budget -= 1
            return budget < 0
        }
        let file = try disk.begin(path)
        return full ? FailingFile(file, path: path) : file
    }

    func remove(_ path: String) throws(BatchOutputError) { try disk.remove(path) }

    /// Writes part of the bytes, then reports ENOSPC.
    final class FailingFile: PendingFile {
        let file: any PendingFile
        let path: String

        init(_ file: any PendingFile, path: String) {
            self.file = file
            self.path = path
        }

        func append(_ bytes: Data) throws(BatchOutputError) {
            try file.append(bytes.prefix(bytes.count / 2))
            throw BatchOutputError(path: path, errno: ENOSPC)
        }

        func commit() throws(BatchOutputError) { throw BatchOutputError(path: path, errno: ENOSPC) }
        func abort() { file.abort() }
    }
}
