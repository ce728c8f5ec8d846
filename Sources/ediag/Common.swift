public import ArgumentParser
public import EdiagEngine
public import EdiagModel
import Foundation

/// Options shared by commands that load rules: where plugins are searched.
struct RuleSourceOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: "A plugin folder, or a folder of plugins, used instead of the project's rules/ and plugins/ (repeatable).")
    var ruleDirectories: [String] = []

    @Option(name: .customLong("plugin-path"), help: "A further plugin folder, or folder of plugins, searched after the project's (repeatable; then EDIAG_PLUGIN_PATH).")
    var pluginPaths: [String] = []

    /// The project's folders (or `--rules`), in order.
    func projectRoots() -> [PluginRoot] {
        if !ruleDirectories.isEmpty { return ruleDirectories.map { PluginRoot(path: $0, origin: "--rules \($0)") } }
        return Self.projectFolders()
    }

    /// The project's `rules/` and `plugins/`. Static: a parsable type made with `init()` has no
    /// values to read (ArgumentParser stops the process if its properties are read).
    private static func projectFolders() -> [PluginRoot] {
        guard let home = ProjectHome.locate() else { return [] }
        // Inside the project, paths stay relative so that messages and generated docs do not depend
        // on where the project was cloned.
        let prefix = home == FileManager.default.currentDirectoryPath ? "" : home + "/"
        return [PluginRoot(path: prefix + "rules", origin: "project rules/", mustExist: false),
                PluginRoot(path: prefix + "plugins", origin: "project plugins/", mustExist: false)]
    }

    /// The whole search path: project, `--plugin-path`, `EDIAG_PLUGIN_PATH`.
    func searchPath() -> [PluginRoot] {
        PluginSearchPath.roots(projectRoots: projectRoots(), pluginPaths: pluginPaths,
                               environment: ProcessInfo.processInfo.environment["EDIAG_PLUGIN_PATH"])
    }

    /// The folders of the search path, in order.
    func roots() -> [String] { searchPath().map(\.path) }

    /// The project's `rules/` and `plugins/` (relative inside the project).
    static func defaultRoots() -> [String] { projectFolders().map(\.path) }

    /// Loads the plugins; problems are printed to standard error.
    func loadPacks(quiet: Bool = false) -> ([RulePack], [PackError]) {
        let (packs, errors) = PackLoader.discover(searchPath: searchPath())
        if !quiet { for e in errors { Console.error("error: \(e)") } }
        return (packs, errors)
    }
}

/// Options of commands that run rules with a configuration: `--config`, `--set` and the lockfile.
struct ConfigOptions: ParsableArguments {
    @Option(help: "Configuration file (default: ediag.yaml in the working folder, when there is one).")
    var config: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Set a configuration key, e.g. --set economics.discount_rate=0.06 (repeatable; wins over the file).", valueName: "key=value"))
    var assignments: [String] = []

    @Flag(help: "Refuse to run without an ediag.lock, as well as with one that does not match.")
    var locked = false

    @Flag(help: "Do not compare the plugins with ediag.lock; the run record says so.")
    var skipLockCheck = false

    @Option(help: "Lockfile to check (default: ediag.lock in the working folder).")
    var lockfile: String?

    /// `--set` assignments as overrides.
    func overrides() throws -> [ConfigOverride] {
        try assignments.map { text in
            guard let o = ConfigOverride(assignment: text) else {
                throw ValidationError("--set expects key=value, e.g. --set economics.discount_rate=0.06; got '\(text)'")
            }
            return o
        }
    }

    /// Prepares a run: configuration, plugins, lockfile, runtime. Errors are printed and end the
    /// command with exit code 2.
    func prepare(_ rules: RuleSourceOptions, extra: [ConfigOverride] = [], useWorkingFolderConfig: Bool = true,
                 lockPolicy: LockPolicy? = nil, phaseClock: (@Sendable () -> UInt64)? = nil) throws -> RunSetup {
        if locked && skipLockCheck { throw ValidationError("--locked and --skip-lock-check contradict each other; give one") }
        var request = RunRequest(searchPath: rules.searchPath())
        request.configFile = config
        request.useWorkingFolderConfig = useWorkingFolderConfig
        request.overrides = try overrides() + extra
        request.lockPolicy = lockPolicy ?? (skipLockCheck ? .skip : (locked ? .required : .checkIfPresent))
        request.lockfile = lockfile
        request.phaseClock = phaseClock
        do {
            let setup = try RunSetup.prepare(request)
            for e in setup.packErrors { Console.error("error: \(e)") }
            for e in setup.runtime.loadErrors { Console.error("error: \(e)") }
            return setup
        } catch {
            Console.error(error.description)
            throw ExitCode(2)
        }
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
