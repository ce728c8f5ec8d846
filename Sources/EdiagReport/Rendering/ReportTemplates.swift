import EdiagModel
import Foundation

/// A folder that may hold report template files, and how it is named in messages.
public struct TemplateFolder: Sendable, Equatable {
    public var directory: String
    /// Where the folder comes from, e.g. `--templates` or `plugin equipment`.
    public var origin: String

    public init(directory: String, origin: String) {
        self.directory = directory
        self.origin = origin
    }
}

/// One template file as found by the lookup.
public struct TemplateFile: Sendable, Equatable {
    /// File name inside a template folder, e.g. `plant.html.mustache`.
    public var name: String
    /// The file's path, or `built-in:<name>` for an embedded default.
    public var path: String
    public var text: String
}

/// Where report templates are looked up: the override folders in order, then the built-in defaults.
///
/// Each file is looked up on its own, so a folder that holds only `style.css` restyles the reports and
/// keeps every other default. Label files (`labels.<lang>.yaml`) are merged key by key instead: a folder
/// may translate a few labels and inherit the rest. See `docs/reports.md`.
public struct ReportTemplates: Sendable {
    /// Folders searched before the defaults, first match wins.
    public var folders: [TemplateFolder]

    public init(folders: [TemplateFolder] = []) {
        self.folders = folders
    }

    /// The lookup order of the command line: `--templates DIR`, then each plugin's `templates/` folder
    /// (in the order given, which is the plugins' load order), then the defaults.
    /// - Parameters:
    ///   - override: the folder given with `--templates`, if any.
    ///   - plugins: plugin names and folders; those without a `templates/` folder are skipped.
    public static func lookup(override: String?, plugins: [(name: String, directory: String)]) -> ReportTemplates {
        var folders: [TemplateFolder] = []
        if let override { folders.append(TemplateFolder(directory: override, origin: "--templates")) }
        var isDirectory: ObjCBool = false
        for plugin in plugins {
            let dir = plugin.directory + "/templates"
            if FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue {
                folders.append(TemplateFolder(directory: dir, origin: "plugin \(plugin.name)"))
            }
        }
        return ReportTemplates(folders: folders)
    }

    /// The file names every template set has (the built-in defaults), sorted.
    public static var defaultNames: [String] { BuiltInTemplates.files.keys.sorted() }

    /// The first folder's copy of `name`, else the built-in default.
    /// - Throws: `ReportTemplateError` when a folder's copy cannot be read or no layer has the file.
    public func file(_ name: String) throws(ReportTemplateError) -> TemplateFile {
        if let found = try layers(of: name).first { return found }
        throw ReportTemplateError(file: name, message: "no template folder has this file and there is no built-in default")
    }

    /// Every copy of `name`, highest priority first, the built-in default last.
    func layers(of name: String) throws(ReportTemplateError) -> [TemplateFile] {
        var found: [TemplateFile] = []
        for folder in folders {
            let path = folder.directory + "/" + name
            guard FileManager.default.fileExists(atPath: path) else { continue }
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw ReportTemplateError(file: path, message: "cannot be read as UTF-8 text (from \(folder.origin))")
            }
            found.append(TemplateFile(name: name, path: path, text: text))
        }
        if let bytes = BuiltInTemplates.files[name] {
            found.append(TemplateFile(name: name, path: "built-in:" + name, text: String(decoding: bytes, as: UTF8.self)))
        }
        return found
    }

    /// Names of the Mustache files in the override folders and the defaults, sorted.
    func mustacheNames() -> [String] {
        var names = Set(BuiltInTemplates.files.keys.filter { $0.hasSuffix(".mustache") })
        for folder in folders {
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder.directory)) ?? []
            where entry.hasSuffix(".mustache") {
                names.insert(entry)
            }
        }
        return names.sorted()
    }

    /// Writes the built-in defaults into `directory` (created if needed), for an agency to edit.
    /// - Throws: `ReportTemplateError` naming the file that could not be written.
    public static func exportDefaults(to directory: String) throws(ReportTemplateError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ReportTemplateError(file: directory, message: "cannot create the folder: \(error.localizedDescription)")
        }
        for name in defaultNames {
            let path = directory + "/" + name
            guard FileManager.default.createFile(atPath: path, contents: Data(BuiltInTemplates.files[name]!)) else {
                throw ReportTemplateError(file: path, message: "cannot be written")
            }
        }
    }
}

/// A template file that cannot be used, with the file (and line where known) and why.
public struct ReportTemplateError: Error, Sendable, CustomStringConvertible {
    /// The template's path (`built-in:<name>` for a default).
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        "\(SourceLocation(file: file, line: line, column: column)): \(message)"
    }
}

/// The defaults compiled into the binary (`Sources/EdiagReport/Templates`).
enum BuiltInTemplates {
    static let files: [String: [UInt8]] = [
        "labels.en.yaml": PackageResources.labels_en_yaml,
        "labels.zh.yaml": PackageResources.labels_zh_yaml,
        "style.css": PackageResources.style_css,
        "plant.md.mustache": PackageResources.plant_md_mustache,
        "plant.html.mustache": PackageResources.plant_html_mustache,
        "plant.csv.mustache": PackageResources.plant_csv_mustache,
        "portfolio.md.mustache": PackageResources.portfolio_md_mustache,
        "portfolio.html.mustache": PackageResources.portfolio_html_mustache,
    ]
}
