import Foundation
import Testing

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// Runs the built `ediag` binary as a user would, from the project folder (or `directory`, with
/// extra `environment` variables).
func ediag(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
    let process = Process()
    let binary = [root + "/.build/debug/ediag", root + "/.build/release/ediag"].first { FileManager.default.isExecutableFile(atPath: $0) }!
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory ?? root)
    process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "EDIAG_HOME" }.merging(environment) { _, new in new }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

@Suite(.serialized) struct CLITests {
    /// `ediag diagnose` prints the prioritized findings with the limit violation first.
    @Test func diagnoseText() throws {
        let r = try ediag(["diagnose", "examples/plants/cement-laggard.yaml", "--lang", "en"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("#1 [critical]"))
        #expect(r.out.contains("limit not met under GB 16780-2021"))
    }

    /// JSON output is versioned and byte-identical between runs.
    @Test func diagnoseJSONIsStable() throws {
        let a = try ediag(["diagnose", "examples/plants/cement-laggard.yaml", "--format", "json"])
        let b = try ediag(["diagnose", "examples/plants/cement-laggard.yaml", "--format", "json"])
        #expect(a.status == 0)
        #expect(a.out == b.out)
        #expect(a.out.contains("\"schema\": \"ediag/diagnosis@1\""))
        _ = try JSONSerialization.jsonObject(with: Data(a.out.utf8))
    }

    /// `ediag validate` names file, line, column and field of each problem and exits 1.
    @Test func validateReportsLocatedErrors() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).yaml").path
        try "plant: {id: X, name: X, sector: cement}\nassessment: {date: 2026-01-01}\nproducts:\n  - {id: c, product: clinker, output: 5 tonnez}\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let r = try ediag(["validate", path])
        #expect(r.status == 1)
        #expect(r.out.contains("\(path):4:"))
        #expect(r.out.contains("products[1].output"))
        #expect(r.out.contains("unknown unit 'tonnez'"))
    }

    /// `ediag schema profile` prints a JSON Schema.
    @Test func schemaIsJSON() throws {
        let r = try ediag(["schema", "profile"])
        let object = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
        #expect(object?["$defs"] != nil)
    }

    /// `ediag rules list` lists the cement slice; `rules show` gives references.
    @Test func rulesListAndShow() throws {
        let list = try ediag(["rules", "list", "--sector", "cement"])
        #expect(list.out.contains("cement.clinker-energy-limit"))
        let show = try ediag(["rules", "show", "cement.clinker-energy-limit"])
        #expect(show.out.contains("GB 16780-2021"))
        let missing = try ediag(["rules", "show", "cement.clinker-energy-limt"])
        #expect(missing.status != 0)
        #expect(missing.err.contains("Did you mean cement.clinker-energy-limit"))
    }

    /// `ediag diagnose --format html` writes one self-contained page with charts; `report` renders the same
    /// page from the stored JSON.
    @Test func htmlReportFromDiagnoseAndFromJSON() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let direct = try ediag(["diagnose", "examples/plants/cement-laggard.yaml", "--format", "html", "--lang", "en"])
        #expect(direct.status == 0, "\(direct.err)")
        #expect(direct.out.hasPrefix("<!DOCTYPE html>") && direct.out.contains("id=\"supply-curve\""))
        _ = try ediag(["diagnose", "examples/plants/cement-laggard.yaml", "--format", "json", "-o", dir + "/plant.json"])
        let stored = try ediag(["report", dir + "/plant.json", "--format", "html", "--lang", "en"])
        #expect(stored.status == 0, "\(stored.err)")
        #expect(stored.out == direct.out)
        let several = try ediag(["diagnose", "examples/plants/cement-laggard.yaml", "examples/plants/cement-leader.yaml", "--format", "html"])
        #expect(several.status != 0 && several.err.contains("one page per plant"))
    }

    /// CSV of several plants: one byte-order mark, one header, then every plant's findings.
    @Test func csvOfSeveralPlants() throws {
        let r = try ediag(["diagnose", "examples/plants/cement-laggard.yaml", "examples/plants/cement-leader.yaml", "--format", "csv"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.hasPrefix("\u{FEFF}企业编号,") && r.out.components(separatedBy: "\u{FEFF}").count == 2)
        #expect(r.out.components(separatedBy: "企业编号").count == 2)
        #expect(r.out.contains("\r\nHN-CEM-0007,") && r.out.contains("\r\n") && !r.out.contains("\n\n"))
    }

    /// `ediag report --templates` uses the agency's folder; a broken template stops with its file and line.
    @Test func reportTemplatesOption() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tpl-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let export = try ediag(["report", "--export-templates", dir])
        #expect(export.status == 0, "\(export.err)")
        try "summary: 概要（本机构）\n".write(toFile: dir + "/labels.zh.yaml", atomically: true, encoding: .utf8)
        _ = try ediag(["diagnose", "examples/plants/cement-leader.yaml", "--format", "json", "-o", dir + "/plant.json"])
        let md = try ediag(["report", dir + "/plant.json", "--format", "markdown", "--templates", dir])
        #expect(md.status == 0, "\(md.err)")
        #expect(md.out.contains("## 概要（本机构）"))
        try "{{#measures}}\n".write(toFile: dir + "/plant.md.mustache", atomically: true, encoding: .utf8)
        let broken = try ediag(["report", dir + "/plant.json", "--format", "markdown", "--templates", dir])
        #expect(broken.status == 1)
        #expect(broken.err.contains(dir + "/plant.md.mustache:"))
    }

    /// A plugin's `templates/` folder changes the reports of runs that load the plugin.
    @Test func pluginTemplates() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plugin-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: root + "/plugins/equipment", toPath: dir + "/equipment")
        try FileManager.default.createDirectory(atPath: dir + "/equipment/templates", withIntermediateDirectories: true)
        try "report_title: 设备专项节能诊断报告\n".write(toFile: dir + "/equipment/templates/labels.zh.yaml", atomically: true, encoding: .utf8)
        let r = try ediag(["diagnose", "examples/plants/mixed-equipment.yaml", "--rules", dir, "--format", "markdown"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.hasPrefix("# 湘潭某机械制造有限公司 — 设备专项节能诊断报告\n"))
    }
}

@Suite(.serialized) struct BatchCLITests {
    /// `ediag batch` exits 1 when a profile fails, writes the portfolio, and a rerun reuses every plant.
    @Test func batchExitCodeAndRerun() throws {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("ediag-cli-in-\(UUID().uuidString)").path
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ediag-cli-out-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: root + "/examples/plants/cement-laggard.yaml", toPath: input + "/good.yaml")
        try "plant: [".write(toFile: input + "/bad.yaml", atomically: true, encoding: .utf8)
        let first = try ediag(["batch", input, "--out", out, "--jobs", "2", "--lang", "en"])
        #expect(first.status == 1, "\(first.err)")
        #expect(first.err.contains("2 plants: 1 diagnosed, 1 failed, 0 with rule errors; 0 reused"))
        #expect(FileManager.default.fileExists(atPath: out + "/portfolio.json"))
        #expect(FileManager.default.fileExists(atPath: out + "/errors/bad.json"))
        let markdown = try String(contentsOfFile: out + "/portfolio.md", encoding: .utf8)
        #expect(markdown.contains("# Portfolio summary"))
        #expect(markdown.contains("Plants that break a mandatory limit"))
        let second = try ediag(["batch", input, "--out", out, "--jobs", "2", "--lang", "en"])
        #expect(second.err.contains("2 reused from an earlier run"))
    }

    /// `ediag batch` names an output folder it cannot create and exits 2.
    @Test func batchUnwritableOutput() throws {
        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("ediag-cli-file-\(UUID().uuidString)").path
        try "x".write(toFile: blocker, atomically: true, encoding: .utf8)
        let r = try ediag(["batch", "examples/plants/cement-laggard.yaml", "--out", blocker + "/out"])
        #expect(r.status == 2)
        #expect(r.err.contains("error: cannot write \(blocker): a file is in the way"))
    }

    /// `ediag import csv` writes the template plants as profiles that validate.
    @Test func importTemplates() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ediag-cli-import-\(UUID().uuidString)").path
        let r = try ediag(["import", "csv", "examples/import/plants.csv", "--equipment", "examples/import/equipment.csv",
                           "--process-units", "examples/import/process-units.csv", "--out", out])
        #expect(r.status == 0, "\(r.err)")
        let v = try ediag(["validate", out + "/HN-CEM-0101.yaml", out + "/HN-MFG-0201.yaml", out + "/HN-CEM-0102.yaml"])
        #expect(v.status == 0, "\(v.out)")
    }
}
