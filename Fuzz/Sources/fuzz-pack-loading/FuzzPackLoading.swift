import EdiagEngine
import EdiagModel
import FuzzSupport
import Foundation
import LuaSandbox

/// libFuzzer entry: the input is a plugin held in memory — `plugin.yaml`, then a NUL byte, a rule
/// file, then optionally a NUL byte and a data table (YAML). Loading must end in a pack and load
/// errors naming a file, never a crash; the loaded rules then run once on a fixed plant.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzPackLoading(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let parts = UnsafeBufferPointer(start: data, count: size).split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
    func text(_ i: Int) -> String { i < parts.count ? String(decoding: parts[i], as: UTF8.self) : "" }
    let directory = "/nonexistent/fuzz-plugin"
    do {
        let manifestSource = try SourceDocument.parse(text(0), file: directory + "/plugin.yaml")
        let manifest = try PluginManifest.decode(manifestSource, file: directory + "/plugin.yaml")
        var tables: [DataTable] = []
        if parts.count > 2 {
            let tableSource = try SourceDocument.parse(text(2), file: directory + "/data/table.yaml")
            tables.append(try DataTableChecker.check(tableSource, file: directory + "/data/table.yaml"))
        }
        let pack = RulePack(manifest: manifest, directory: directory,
                            ruleFiles: [SourceFile(path: directory + "/rule.lua", text: text(1))],
                            modules: [:], dataTables: tables, contentHash: FolderHash(hash: "", files: [:]))
        var options = RuntimeOptions()
        options.loadLimits = LuaLimits(memoryBytes: 8 << 20, instructions: 1_000_000, seconds: 1)
        options.limits = LuaLimits(memoryBytes: 8 << 20, instructions: 1_000_000, seconds: 1)
        let runtime = try RuleRuntime(packs: [pack], options: options)
        for error in runtime.loadErrors { precondition(!error.location.file.isEmpty, "a load error names its file") }
        let diagnosis = runtime.diagnose(FuzzPlant.profile)
        for outcome in diagnosis.outcomes where outcome.status == .failed {
            precondition(!outcome.detail.isEmpty, "a failed rule says why")
        }
    } catch {
        _ = "\(error)"
    }
    return 0
}
