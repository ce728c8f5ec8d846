import EdiagModel
import EdiagReport
import Foundation
import Testing

struct TemplateLookupTests {
    /// `--templates` beats a plugin's `templates/`, which beats the defaults; labels merge key by key.
    @Test func lookupOrder() throws {
        let root = try ReportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try ReportFixtures.write("/* from-override */", to: root + "/override/style.css")
        try ReportFixtures.write("/* from-plugin */", to: root + "/plugin-a/templates/style.css")
        try ReportFixtures.write("report_title: Plugin report\nsummary: Plugin summary\n", to: root + "/plugin-a/templates/labels.en.yaml")
        try ReportFixtures.write("summary: Override summary\n", to: root + "/override/labels.en.yaml")
        try FileManager.default.createDirectory(atPath: root + "/plugin-b", withIntermediateDirectories: true)
        let plugins = [(name: "a", directory: root + "/plugin-a"), (name: "b", directory: root + "/plugin-b")]
        let doc = try ReportFixtures.diagnosis()

        let all = ReportTemplates.lookup(override: root + "/override", plugins: plugins)
        #expect(all.folders.map(\.origin) == ["--templates", "plugin a"])
        let html = try ReportRenderer(templates: all).renderPlant(document: doc, format: .html, language: .en)
        #expect(html.contains("/* from-override */") && !html.contains("from-plugin"))
        #expect(html.contains("Override summary"))
        #expect(html.contains("Plugin report"))
        #expect(html.contains("What the plant must do by law"))

        let pluginOnly = try ReportRenderer(templates: .lookup(override: nil, plugins: plugins))
            .renderPlant(document: doc, format: .html, language: .en)
        #expect(pluginOnly.contains("/* from-plugin */") && pluginOnly.contains("Plugin summary"))

        let defaults = try ReportRenderer().renderPlant(document: doc, format: .html, language: .en)
        #expect(!defaults.contains("from-") && defaults.contains("Energy-saving diagnosis report"))
        #expect(try ReportTemplates().file("style.css").path == "built-in:style.css")
    }

    /// An agency's own template replaces the default of the same name, and may use its own partials.
    @Test func overrideTemplateWithPartial() throws {
        let dir = try ReportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ReportFixtures.write("# {{plant.name}}\n{{#measures}}{{> measure-line}}{{/measures}}", to: dir + "/plant.md.mustache")
        try ReportFixtures.write("- {{title}}: {{tce}} tce\n", to: dir + "/measure-line.mustache")
        let md = try ReportRenderer(templates: ReportTemplates(folders: [TemplateFolder(directory: dir, origin: "test")]))
            .renderPlant(document: try ReportFixtures.diagnosis(), format: .markdown, language: .zh)
        #expect(md == "# 测试水泥 &lt;一线&gt; & \"联合\" 'Co'\n- 纯低温余热发电: 2,396.6 tce\n- 预热器增加级数改造: 59.6 tce\n")
    }

    /// A template with a syntax error is refused when the renderer is built, naming the file and line.
    @Test func brokenTemplateNamesTheFile() throws {
        let dir = try ReportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ReportFixtures.write("<h1>{{plant.name}}</h1>\n{{#measures}}\n<p>{{title}}</p>\n", to: dir + "/plant.html.mustache")
        #expect {
            try ReportRenderer(templates: ReportTemplates(folders: [TemplateFolder(directory: dir, origin: "test")]))
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix(dir + "/plant.html.mustache:") && text.contains("never closed")
        }
    }

    /// A template that uses a partial no folder has is refused, naming the file, line and partial.
    @Test func missingPartialIsAnError() throws {
        let dir = try ReportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ReportFixtures.write("# title\n\n{{> footer }}\n", to: dir + "/plant.md.mustache")
        #expect {
            try ReportRenderer(templates: ReportTemplates(folders: [TemplateFolder(directory: dir, origin: "test")]))
        } throws: { error in
            "\(error)" == "\(dir)/plant.md.mustache:3: uses the partial 'footer', but no template folder has footer.mustache"
        }
    }

    /// A label that is not a text is refused with the label file's line.
    @Test func badLabelNamesTheLine() throws {
        let dir = try ReportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ReportFixtures.write("summary: Summary\nmeasures:\n  - one\n", to: dir + "/labels.en.yaml")
        #expect {
            try ReportRenderer(templates: ReportTemplates(folders: [TemplateFolder(directory: dir, origin: "test")]))
        } throws: { error in
            "\(error)".hasPrefix("\(dir)/labels.en.yaml:3") && "\(error)".contains("label 'measures' must be a text")
        }
    }

    /// Every file in Sources/EdiagReport/Templates is embedded, and exporting writes them all unchanged.
    @Test func defaultsAreEmbeddedAndExported() throws {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/EdiagReport/Templates").path
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: source).filter { $0 != "README.md" }.sorted()
        #expect(ReportTemplates.defaultNames == onDisk)
        let out = try ReportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        try ReportTemplates.exportDefaults(to: out)
        for name in onDisk {
            #expect(FileManager.default.contents(atPath: out + "/" + name) == FileManager.default.contents(atPath: source + "/" + name))
        }
    }

    /// Both label files have the same keys, so neither language shows a raw key.
    @Test func labelFilesAgree() throws {
        func keys(_ name: String) throws -> Set<String> {
            let text = try ReportTemplates().file(name).text
            return Set(text.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains(":") }.map { String($0.prefix { $0 != ":" }) })
        }
        #expect(try keys("labels.en.yaml") == keys("labels.zh.yaml"))
    }
}
