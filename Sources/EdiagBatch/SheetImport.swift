import EdiagModel
import Foundation
import SwiftCSV
import Yams

/// One problem in an agency's data sheet, named by file, row and column as a spreadsheet shows them.
public struct SheetIssue: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// The spreadsheet row: the header is row 1, the first plant row 2; nil for the whole file.
    public var row: Int?
    /// The column letter (`A`, `B`, … `AA`) and its header; nil for the whole row.
    public var column: String?
    /// The profile field path, when the problem is a field's value.
    public var path: String
    public var message: String

    public var description: String {
        var out = file
        if let row { out += " row \(row)" }
        if let column { out += ", column \(column)" }
        return out + ": " + (path.isEmpty ? "" : "\(path): ") + message
    }
}

/// A plant profile made from sheet rows: its YAML text, or the problems that kept it from validating.
public struct ImportedProfile: Sendable {
    public var plantID: String
    /// The file name to write it under: the plant id made safe for file names (with a hash suffix when
    /// two ids would give the same name), with `.yaml`.
    public var fileName: String
    /// The profile as YAML; empty when `issues` holds errors.
    public var yaml: String
    public var issues: [SheetIssue]
}

/// Turns an agency's data sheets (CSV) into plant profiles.
///
/// The plant sheet has one row per plant; each column header is a profile field path
/// (`plant.id`, `energy.electricity.consumption`, `products[1].output`), and each cell holds the
/// value as it would be written in a YAML profile, unit included (`86.5 GWh`). Empty cells are
/// left out. An item sheet has one row per equipment item (or process unit): a `plant_id` column
/// naming the plant, and the item's fields (`id`, `type`, `rated_power`, …). Every profile is
/// validated against the profile schema, and each problem names the sheet, row and column.
/// The column reference is in `docs/import.md`.
public enum SheetImport {
    /// Which list of the profile the rows of an item sheet are added to.
    public enum ItemList: String, Sendable, CaseIterable {
        case equipment
        case processUnits = "process_units"
    }

    /// Why a sheet could not be read at all.
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public var issues: [SheetIssue]
        public var description: String { issues.map(\.description).joined(separator: "\n") }
    }

    /// Reads the sheets and builds one profile per plant row, in sheet order.
    /// - Parameters:
    ///   - plantSheet: the CSV file with one row per plant.
    ///   - itemSheets: CSV files with one row per item, and the list each adds to.
    /// - Throws: `ReadError` when a sheet cannot be read, its header is malformed, or an item row
    ///   names no plant of the plant sheet.
    public static func profiles(plantSheet: String, itemSheets: [(path: String, list: ItemList)] = []) throws(ReadError)
        -> [ImportedProfile]
    {
        let plants = try Sheet.read(plantSheet)
        guard let idColumn = plants.header.firstIndex(of: "plant.id") else {
            throw ReadError(issues: [SheetIssue(file: plantSheet, row: 1, path: "", message: "the plant sheet needs a 'plant.id' column")])
        }
        let plantColumns = try plants.columnPaths()
        var issues: [SheetIssue] = []
        var trees: [(id: String, row: Int, tree: FieldTree)] = []
        var rowOfPlant: [String: Int] = [:]
        for (index, cells) in plants.rows.enumerated() {
            let row = index + 2
            let id = cells[idColumn]
            if id.isEmpty {
                issues.append(plants.issue(row: row, column: idColumn, "the plant id is empty"))
                continue
            }
            if let first = rowOfPlant[id] {
                issues.append(plants.issue(row: row, column: idColumn, "plant '\(id)' is already on row \(first)"))
                continue
            }
            rowOfPlant[id] = row
            var tree = FieldTree(location: plants.location(row: row, column: idColumn))
            for (column, path) in plantColumns.enumerated() where !cells[column].isEmpty {
                tree.set(path, value: cells[column], at: plants.location(row: row, column: column))
            }
            trees.append((id, row, tree))
        }
        if !issues.isEmpty { throw ReadError(issues: issues) }
        let index = Dictionary(uniqueKeysWithValues: trees.enumerated().map { ($0.element.id, $0.offset) })
        var sheets: [String: Sheet] = [plantSheet: plants]
        for (path, list) in itemSheets {
            let sheet = try Sheet.read(path)
            sheets[path] = sheet
            guard let plantColumn = sheet.header.firstIndex(of: "plant_id") else {
                throw ReadError(issues: [SheetIssue(file: path, row: 1, path: "", message: "an item sheet needs a 'plant_id' column")])
            }
            let columns = try sheet.columnPaths()
            for (i, cells) in sheet.rows.enumerated() {
                let row = i + 2
                guard let plant = index[cells[plantColumn]] else {
                    issues.append(sheet.issue(row: row, column: plantColumn, "no plant '\(cells[plantColumn])' in \(plantSheet)"))
                    continue
                }
                var item = FieldTree(location: sheet.location(row: row, column: plantColumn))
                for (column, fieldPath) in columns.enumerated() where column != plantColumn && !cells[column].isEmpty {
                    item.set(fieldPath, value: cells[column], at: sheet.location(row: row, column: column))
                }
                trees[plant].tree.append(item, to: list.rawValue, at: sheet.location(row: row, column: plantColumn))
            }
        }
        if !issues.isEmpty { throw ReadError(issues: issues) }
        var sameName: [String: Int] = [:]
        for entry in trees { sameName[ProfileDiscovery.safeName(entry.id).lowercased(), default: 0] += 1 }
        return trees.map { entry in
            let document = entry.tree.sourceValue
            let safe = ProfileDiscovery.safeName(entry.id)
            // Ids that differ only in characters a file name cannot hold get the hash of the id.
            let fileName = (sameName[safe.lowercased()]! > 1 ? safe + "-" + String(SHA256.hex(entry.id).prefix(8)) : safe) + ".yaml"
            do throws(ProfileError) {
                _ = try ProfileDecoder.decode(document, source: plantSheet)
            } catch {
                let located = error.issues.map { issue in
                    let sheet = sheets[issue.location.file] ?? plants
                    return sheet.issue(row: issue.location.line, column: issue.location.column.map { $0 - 1 }, path: issue.path,
                                       issue.message)
                }
                return ImportedProfile(plantID: entry.id, fileName: fileName, yaml: "", issues: located)
            }
            return ImportedProfile(plantID: entry.id, fileName: fileName, yaml: YAMLProfile.text(document), issues: [])
        }
    }
}

/// A CSV sheet read with SwiftCSV: header and rows of trimmed cells, all as long as the header.
struct Sheet {
    let file: String
    let header: [String]
    let rows: [[String]]

    static func read(_ file: String) throws(SheetImport.ReadError) -> Sheet {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw SheetImport.ReadError(issues: [SheetIssue(file: file, path: "", message: "cannot read the file")])
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw SheetImport.ReadError(issues: [SheetIssue(file: file, path: "", message: "the file is not UTF-8 text (save it as CSV UTF-8)")])
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let csv: EnumeratedCSV
        do {
            csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false)
        } catch {
            throw SheetImport.ReadError(issues: [SheetIssue(file: file, path: "", message: "not valid CSV: \(error)")])
        }
        let header = csv.header.map { $0.trimmingCharacters(in: .whitespaces) }
        var rows: [[String]] = []
        var issues: [SheetIssue] = []
        for (i, raw) in csv.rows.enumerated() {
            let cells = raw.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            if cells.allSatisfy(\.isEmpty) { continue }
            if cells.count > header.count, cells[header.count...].contains(where: { !$0.isEmpty }) {
                issues.append(SheetIssue(file: file, row: i + 2, path: "",
                                         message: "the row has \(cells.count) cells but the header only \(header.count)"))
                continue
            }
            rows.append(Array(cells.prefix(header.count)) + Array(repeating: "", count: max(0, header.count - cells.count)))
        }
        if !issues.isEmpty { throw SheetImport.ReadError(issues: issues) }
        return Sheet(file: file, header: header, rows: rows)
    }

    /// `A`, `B`, … `Z`, `AA`, … for a 0-based column index.
    static func letter(_ index: Int) -> String {
        var n = index + 1
        var out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }

    /// Each header as a field path; every problem with the header at once.
    func columnPaths() throws(SheetImport.ReadError) -> [[FieldTree.Step]] {
        var paths: [[FieldTree.Step]] = []
        var issues: [SheetIssue] = []
        var seen: [String: Int] = [:]
        for (column, name) in header.enumerated() {
            if let first = seen[name] {
                issues.append(issue(row: 1, column: column, "the column '\(name)' is already column \(Self.letter(first))"))
            }
            seen[name] = column
            guard let steps = FieldTree.parse(name) else {
                issues.append(issue(row: 1, column: column,
                                    "'\(name)' is not a field path (write e.g. plant.id, energy.electricity.price, products[1].output)"))
                paths.append([])
                continue
            }
            if let clash = paths.firstIndex(where: { FieldTree.clash($0, steps) }) {
                issues.append(issue(row: 1, column: column,
                                    "'\(name)' overlaps column \(Self.letter(clash)) ('\(header[clash])'): a field is either a value or has fields"))
            }
            paths.append(steps)
        }
        if !issues.isEmpty { throw SheetImport.ReadError(issues: issues) }
        return paths
    }

    /// Where a cell is, as a source location (line = sheet row, column = 1-based column).
    func location(row: Int, column: Int) -> SourceLocation { SourceLocation(file: file, line: row, column: column + 1) }

    func issue(row: Int?, column: Int?, path: String = "", _ message: String) -> SheetIssue {
        let name = column.map { c in c < header.count ? "\(Self.letter(c)) (\(header[c]))" : Self.letter(c) }
        return SheetIssue(file: file, row: row, column: name, path: path, message: message)
    }
}

/// A profile being assembled from cells: mappings keep the order fields were first set.
struct FieldTree {
    /// One step of a column's field path: a field name, or a 1-based list position.
    enum Step: Equatable { case field(String), item(Int) }

    indirect enum Node {
        case scalar(String, SourceLocation)
        case mapping([(String, Node)], SourceLocation)
        case list([Node], SourceLocation)

        /// The cell that first set this field.
        var location: SourceLocation {
            switch self {
            case .scalar(_, let l), .mapping(_, let l), .list(_, let l): return l
            }
        }
    }

    var root: Node

    init(location: SourceLocation) { root = .mapping([], location) }

    /// Parses `a.b[2].c`; nil when malformed.
    static func parse(_ text: String) -> [Step]? {
        var steps: [Step] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            var name = Substring(part)
            var indexes: [Int] = []
            while name.hasSuffix("]"), let open = name.lastIndex(of: "[") {
                guard let n = Int(name[name.index(after: open)..<name.index(before: name.endIndex)]), n >= 1 else { return nil }
                indexes.insert(n, at: 0)
                name = name[..<open]
            }
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return nil }
            steps.append(.field(String(name)))
            steps += indexes.map { .item($0) }
        }
        return steps.isEmpty ? nil : steps
    }

    /// True when two column paths cannot both be set: one is a prefix of the other, or they
    /// disagree on whether a step is a field or a list position.
    static func clash(_ a: [Step], _ b: [Step]) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        for (x, y) in zip(a, b) where x != y {
            switch (x, y) {
            case (.field, .field), (.item, .item): return false
            default: return true
            }
        }
        return true
    }

    mutating func set(_ path: [Step], value: String, at location: SourceLocation) {
        Self.set(&root, path[...], .scalar(value, location), location)
    }

    /// Adds a whole item to the list field `name` of the root.
    mutating func append(_ item: FieldTree, to name: String, at location: SourceLocation) {
        guard case .mapping(var pairs, let l) = root else { return }
        if let i = pairs.firstIndex(where: { $0.0 == name }), case .list(var items, let listLocation) = pairs[i].1 {
            items.append(item.root)
            pairs[i].1 = .list(items, listLocation)
        } else if !pairs.contains(where: { $0.0 == name }) {
            pairs.append((name, .list([item.root], location)))
        }
        root = .mapping(pairs, l)
    }

    private static func set(_ node: inout Node, _ path: ArraySlice<Step>, _ value: Node, _ location: SourceLocation) {
        guard let step = path.first else { node = value; return }
        switch step {
        case .field(let name):
            var pairs: [(String, Node)] = []
            var at = location
            if case .mapping(let existing, let l) = node { pairs = existing; at = l }
            if let i = pairs.firstIndex(where: { $0.0 == name }) {
                set(&pairs[i].1, path.dropFirst(), value, location)
            } else {
                var child = Node.mapping([], location)
                set(&child, path.dropFirst(), value, location)
                pairs.append((name, child))
            }
            node = .mapping(pairs, at)
        case .item(let n):
            var items: [Node] = []
            var at = location
            if case .list(let existing, let l) = node { items = existing; at = l }
            while items.count < n { items.append(.mapping([], location)) }
            set(&items[n - 1], path.dropFirst(), value, location)
            node = .list(items, at)
        }
    }

    /// The tree as the profile decoder reads it.
    var sourceValue: SourceValue { Self.source(root) }

    private static func source(_ node: Node) -> SourceValue {
        switch node {
        case .scalar(let text, let l): return .scalar(text, isQuoted: false, l)
        case .mapping(let pairs, let l): return .mapping(pairs.map { ($0.0, $0.1.location, source($0.1)) }, l)
        case .list(let items, let l): return .sequence(items.map(source), l)
        }
    }
}

/// Writes a source tree as a YAML profile.
enum YAMLProfile {
    static func text(_ value: SourceValue) -> String {
        let header = "# Imported from \((value.location.file as NSString).lastPathComponent) by ediag import csv.\n"
        return header + ((try? Yams.serialize(node: node(value), allowUnicode: true, sortKeys: false)) ?? "")
    }

    static func node(_ value: SourceValue) -> Node {
        switch value {
        case .scalar(let text, _, _): return Node(text)
        case .null: return Node("")
        case .sequence(let items, _): return .sequence(Node.Sequence(items.map(node)))
        case .mapping(let pairs, _): return .mapping(Node.Mapping(pairs.map { (Node($0.key), node($0.value)) }))
        }
    }
}
