public import ArgumentParser
public import EdiagEngine
public import EdiagModel
import Foundation

/// Options shared by commands that load rules.
struct RuleSourceOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: "A plugin folder, or a folder of plugins (repeatable). Default: the project's rules/ and plugins/.")
    var ruleDirectories: [String] = []

    /// The folders to search, in order.
    func roots() -> [String] {
        ruleDirectories.isEmpty ? Self.defaultRoots() : ruleDirectories
    }

    /// The project's `rules/` and `plugins/`.
    static func defaultRoots() -> [String] {
        guard let home = ProjectHome.locate() else { return [] }
        // Inside the project, paths stay relative so that messages and generated docs do not depend
        // on where the project was cloned.
        if home == FileManager.default.currentDirectoryPath { return ["rules", "plugins"] }
        return [home + "/rules", home + "/plugins"]
    }

    /// Loads the plugins; problems are printed to standard error.
    func loadPacks(quiet: Bool = false) -> ([RulePack], [PackError]) {
        let (packs, errors) = PackLoader.discover(roots: roots())
        if !quiet { for e in errors { Console.error("error: \(e)") } }
        return (packs, errors)
    }
}

/// Finds the project folder that holds `rules/`: the working folder or one above it, else the
/// folders above the executable.
enum ProjectHome {
    static func locate() -> String? {
        if let env = ProcessInfo.processInfo.environment["EDIAG_HOME"] { return env }
        let fm = FileManager.default
        var candidates: [String] = []
        var dir = fm.currentDirectoryPath
        for _ in 0..<6 { candidates.append(dir); dir = (dir as NSString).deletingLastPathComponent }
        var exe = (CommandLine.arguments[0] as NSString).deletingLastPathComponent
        if !exe.hasPrefix("/") { exe = fm.currentDirectoryPath + "/" + exe }
        for _ in 0..<6 { candidates.append(exe); exe = (exe as NSString).deletingLastPathComponent }
        return candidates.first { fm.fileExists(atPath: $0 + "/rules") && fm.fileExists(atPath: $0 + "/Package.swift") }
            ?? candidates.first { fm.fileExists(atPath: $0 + "/rules") }
    }
}

extension ProjectHome {
    /// The project's example plants folder, as the rule roots spell it (relative inside the project).
    static func examplePlants() -> String? {
        guard let home = locate() else { return nil }
        let relative = home == FileManager.default.currentDirectoryPath
        let path = relative ? "examples/plants" : home + "/examples/plants"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }
}

enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write((text + "\n").data(using: .utf8)!)
    }

    static func write(_ text: String, to path: String?) throws {
        if let path {
            let tmp = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
            try text.write(toFile: tmp, atomically: false, encoding: .utf8)
            if FileManager.default.fileExists(atPath: path) { _ = try? FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: tmp, toPath: path)
        } else {
            FileHandle.standardOutput.write(text.data(using: .utf8)!)
        }
    }
}

extension ReportLanguage: ExpressibleByArgument {}
extension RankingKey: ExpressibleByArgument {}
