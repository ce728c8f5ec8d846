import EdiagEngine
import EdiagModel
import Foundation

/// Writes a throw-away plugin folder for a test and loads it.
enum PackFixture {
    static func pack(name: String = "test", files: [String: String]) throws -> RulePack {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ediag-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let manifest = """
            name: \(name)
            version: 1.0.0
            api: ">=1.0 <2"
            description: {zh: 测试, en: test}
            """
        try manifest.write(toFile: dir + "/plugin.yaml", atomically: true, encoding: .utf8)
        for (path, text) in files {
            let full = dir + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        return try PackLoader.load(directory: dir)
    }

    /// A rule that reports one finding whose message carries `text`.
    static func reportingRule(id: String, text: String = "ok") -> String {
        """
        rule {
          id = "\(id)", title = { zh = "测试", en = "test" }, category = "data_quality",
          references = { { standard = "test" } },
          evaluate = function(plant, ctx) ctx:finding { message = { zh = "\(text)", en = "\(text)" } } end,
        }
        """
    }

    static let profileYAML = """
        plant: {id: P1, name: Test, sector: cement}
        assessment: {date: 2026-03-15}
        energy:
          electricity: {consumption: 10 GWh, price: 0.6 yuan/kWh}
        process_units:
          - {id: K1, type: clinker_kiln, capacity: 2500 t/d, clinker_output: 780 kt, clinker_energy: 121.4 kgce/t}
        equipment:
          - {id: M1, type: motor, rated_power: 37 kW, poles: 4, efficiency: 92 %}
        """

    static func profile(_ yaml: String = profileYAML) throws -> PlantProfile {
        try ProfileDecoder.decode(try SourceDocument.parse(yaml, file: "p.yaml"), source: "p.yaml")
    }
}

/// Throw-away folders of plugins, each written from a manifest and files.
enum PluginFixture {
    /// A new empty folder.
    static func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ediag-plugins-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A manifest; `extra` lines are appended as written.
    static func manifest(_ name: String, version: String = "1.0.0", api: String = ">=1.0 <2", extra: String = "") -> String {
        """
        name: \(name)
        version: \(version)
        api: "\(api)"
        description: {zh: 测试, en: test}
        \(extra)
        """
    }

    /// Writes a plugin folder `root/name` with a manifest and files; returns its path.
    @discardableResult
    static func write(in root: String, name: String, manifest: String? = nil, files: [String: String] = [:]) throws -> String {
        let dir = root + "/" + name
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try (manifest ?? Self.manifest(name)).write(toFile: dir + "/plugin.yaml", atomically: true, encoding: .utf8)
        for (path, text) in files {
            let full = dir + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        return dir
    }

    /// A rule whose finding message is whatever the Lua expression `expression` gives (as text).
    static func rule(id: String, message expression: String, before: String = "") -> String {
        """
        rule {
          id = "\(id)", title = { zh = "测试", en = "test" }, category = "data_quality",
          references = { { standard = "test" } },
          evaluate = function(plant, ctx)
            \(before)
            local text = tostring(\(expression))
            ctx:finding { message = { zh = text, en = text } }
          end,
        }
        """
    }

    /// The messages of the findings of one rule.
    static func messages(_ diagnosis: Diagnosis, rule: String) -> [String] {
        diagnosis.findings.filter { $0.ruleID == rule }.map(\.message.en)
    }
}
