import EdiagModel
import LuaSandbox
import Foundation

/// How a run treats `ediag.lock`.
public enum LockPolicy: Sendable, Equatable {
    /// Check the lockfile when it exists (the default).
    case checkIfPresent
    /// A missing lockfile is an error too (`--locked`).
    case required
    /// Do not check; the run record says so (`--skip-lock-check`).
    case skip
}

/// Everything that decides which rules run and how: where plugins are searched, the
/// configuration file and command-line overrides, and the lockfile policy.
public struct RunRequest: Sendable {
    /// The plugin search path, in order (see `PluginSearchPath`).
    public var searchPath: [PluginRoot]
    /// `--config FILE`, or `ediag.yaml` in the working folder when `nil` and `useWorkingFolderConfig`.
    public var configFile: String?
    /// Whether `ediag.yaml` in the working folder is read when no file is given (false for `ediag test`).
    public var useWorkingFolderConfig = true
    public var workingDirectory: String
    public var overrides: [ConfigOverride] = []
    public var lockPolicy: LockPolicy = .checkIfPresent
    /// The lockfile (default `ediag.lock` in the working folder).
    public var lockfile: String?
    /// The clock of the runtime's phase times (`RuntimeOptions.phaseClock`), for a caller that
    /// reports them with `setup.runtime` (the batch's first worker).
    public var phaseClock: (@Sendable () -> UInt64)?

    /// - Parameter workingDirectory: where `ediag.yaml` and `ediag.lock` are looked for (default: the current folder).
    public init(searchPath: [PluginRoot], workingDirectory: String? = nil) {
        self.searchPath = searchPath
        self.workingDirectory = workingDirectory ?? FileManager.default.currentDirectoryPath
    }
}

/// A run that is ready: the plugins selected and checked, the runtime options, the configuration
/// and its hash, and the notes a run record must carry.
///
/// This is the one way into a configured run for `ediag diagnose`, the batch runner and any
/// other command that runs rules: `RunSetup.prepare(request)`, then `RuleRuntime(packs: setup.packs,
/// options: setup.options)` per worker (the first runtime is `setup.runtime`).
public struct RunSetup {
    public var configuration: EffectiveConfiguration
    /// The configuration file read, if any.
    public var configurationFile: String?
    /// `sha256:` of the effective configuration (`EffectiveConfiguration.hash`).
    public var configurationHash: String
    public var options: RuntimeOptions
    /// The plugins that run, in search-path order.
    public var packs: [RulePack]
    /// Problems with plugins that were refused (the others still run).
    public var packErrors: [PackError]
    /// A runtime compiled with `packs` and `options`, ready for the first worker.
    public var runtime: RuleRuntime
    /// For the run record, e.g. that the lockfile check was skipped.
    public var notes: [String]

    /// Reads the configuration, finds and selects the plugins, checks the lockfile, compiles the
    /// rules and checks the configuration's rule and parameter names against them.
    /// - Throws: `RunSetupError` when the configuration is wrong, the lockfile does not match, or
    ///   the rule runtime cannot be created.
    public static func prepare(_ request: RunRequest) throws(RunSetupError) -> RunSetup {
        let file = request.configFile
            ?? (request.useWorkingFolderConfig ? ConfigurationLoader.locate(given: nil, workingDirectory: request.workingDirectory) : nil)
        if let file, request.configFile != nil, !FileManager.default.fileExists(atPath: file) {
            throw .configuration([ConfigurationError(location: SourceLocation(file: file), message: "the configuration file does not exist")])
        }
        var configuration: EffectiveConfiguration
        switch ConfigurationLoader.load(file: file, overrides: request.overrides) {
        case .success(let c): configuration = c
        case .failure(let e): throw .configuration(e.errors)
        }
        let (found, findErrors) = PackLoader.find(searchPath: request.searchPath)
        var packErrors = findErrors
        // Plugin names are checked before selection, so a misspelt name is an error, not a no-op.
        if case .failure(let e) = ConfigurationChecker.check(configuration.onlyPluginKeys, plugins: found.map(\.name), rules: []) {
            throw .configuration(e.errors)
        }
        let selected = found.filter { pack in
            (configuration.enabledPlugins?.contains(pack.name) ?? true) && !configuration.disabledPlugins.contains(pack.name)
        }
        for pack in selected {
            for dep in pack.manifest.dependencies where found.contains(where: { $0.name == dep.name }) && !selected.contains(where: { $0.name == dep.name }) {
                let where_ = configuration.entry(["plugins", "disable"])?.origin ?? configuration.entry(["plugins", "enable"])?.origin ?? .builtIn
                packErrors.append(PackError(location: dep.location,
                                            message: "plugin \(pack.name) depends on \(dep.name), which the configuration turns off (\(where_))"))
            }
        }
        let (packs, dependencyErrors) = PackLoader.checkDependencies(selected)
        packErrors += dependencyErrors.filter { d in !packErrors.contains { $0.location == d.location } }

        var notes: [String] = []
        let lockPath = request.lockfile ?? (request.workingDirectory == FileManager.default.currentDirectoryPath
            ? Lockfile.fileName : request.workingDirectory + "/" + Lockfile.fileName)
        switch request.lockPolicy {
        case .skip:
            notes.append("the lockfile check was skipped (--skip-lock-check); plugin hashes were not compared with \(lockPath)")
        case .checkIfPresent, .required:
            if FileManager.default.fileExists(atPath: lockPath) {
                let lock: Lockfile
                do { lock = try Lockfile.read(path: lockPath) } catch { throw .lockfile([error.description]) }
                let turnedOff = Set(found.map(\.name)).subtracting(selected.map(\.name))
                let problems = lock.differences(from: packs, lockfile: lockPath, turnedOff: turnedOff)
                if !problems.isEmpty { throw .lockfile(problems) }
            } else if request.lockPolicy == .required {
                throw .lockfile(["\(lockPath) does not exist and --locked requires it; write it with `ediag plugins lock`"])
            }
        }

        // Rules are compiled with the parameter overrides that are plain numbers; the configuration is
        // then checked against every rule declaration (an override out of bounds keeps its rule from
        // registering, but not from being declared). Only when a value had to be converted to its
        // parameter's unit are the rules compiled again.
        var options = configuration.runtimeOptions
        options.phaseClock = request.phaseClock
        var runtime: RuleRuntime
        do { runtime = try RuleRuntime(packs: packs, options: options) } catch { throw .runtime(error.description) }
        switch ConfigurationChecker.check(configuration, plugins: found.map(\.name), rules: runtime.declaredRules) {
        case .success(let checked): configuration = checked
        case .failure(let e): throw .configuration(e.errors)
        }
        var checkedOptions = configuration.runtimeOptions
        checkedOptions.phaseClock = request.phaseClock
        if checkedOptions.parameterOverrides != options.parameterOverrides {
            options = checkedOptions
            do { runtime = try RuleRuntime(packs: packs, options: options) } catch { throw .runtime(error.description) }
        }
        return RunSetup(configuration: configuration, configurationFile: file, configurationHash: configuration.hash,
                        options: runtime.options, packs: packs, packErrors: packErrors, runtime: runtime, notes: notes)
    }
}

/// Why a run could not be prepared.
public enum RunSetupError: Error, Sendable, CustomStringConvertible {
    /// The configuration has errors (each with file, line and what is allowed).
    case configuration([ConfigurationError])
    /// The lockfile does not match the plugins (each naming the plugin and the files).
    case lockfile([String])
    /// The Lua state could not be created.
    case runtime(String)

    public var description: String {
        switch self {
        case .configuration(let errors): return errors.map { "error: \($0)" }.joined(separator: "\n")
        case .lockfile(let problems): return problems.map { "error: \($0)" }.joined(separator: "\n")
        case .runtime(let message): return "error: cannot create the rule runtime: \(message)"
        }
    }
}

/// The plugin search path: the project's `rules/` and `plugins/` (or the folders given with
/// `--rules`), then each `--plugin-path DIR` in the order given, then each folder of
/// `EDIAG_PLUGIN_PATH` (colon-separated). A plugin name found twice is an error naming both.
public enum PluginSearchPath {
    /// Builds the search path.
    /// - Parameters:
    ///   - projectRoots: the project's `rules/` and `plugins/`, or the `--rules` folders.
    ///   - pluginPaths: `--plugin-path` folders.
    ///   - environment: the value of `EDIAG_PLUGIN_PATH`, if set.
    public static func roots(projectRoots: [PluginRoot], pluginPaths: [String], environment: String?) -> [PluginRoot] {
        var roots = projectRoots
        roots += pluginPaths.map { PluginRoot(path: $0, origin: "--plugin-path \($0)") }
        for part in (environment ?? "").split(separator: ":") where !part.isEmpty {
            roots.append(PluginRoot(path: String(part), origin: "EDIAG_PLUGIN_PATH \(part)"))
        }
        return roots
    }
}

extension EffectiveConfiguration {
    /// Only the `plugins.*` entries (checked before plugins are selected).
    var onlyPluginKeys: EffectiveConfiguration {
        EffectiveConfiguration(entries: entries.filter { $0.key.first == "plugins" })
    }
}
