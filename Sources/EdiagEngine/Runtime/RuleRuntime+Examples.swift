import EdiagModel
import Foundation
import LuaSandbox

extension RuleRuntime {
    /// Reads `examples = {…}` of the rule table at `t` (see `RuleExample`).
    /// `file` is the rule file's path (Lua shortens long chunk names in `location`).
    func readExamples(_ t: LuaTableReader, rule: String, file: String, location: String) throws(RuleOutputError) -> [RuleExample] {
        let at = SourceLocation(file: file, line: Self.location(location).line)
        let folder = (file as NSString).deletingLastPathComponent
        var examples: [RuleExample] = []
        let text = t.has("examples") ? FileManager.default.contents(atPath: file).map { String(decoding: $0, as: UTF8.self) } : nil
        try t.forEachElement("examples") { i throws(RuleOutputError) in
            let path = "rule \(rule): examples[\(i)]"
            guard let e = LuaTableReader(lua, at: -1, path: path) else {
                throw RuleOutputError("\(path) must be a table {name = …, profile = …, expect = …}")
            }
            guard let name = try e.string("name") else { throw RuleOutputError("\(path) needs a 'name'") }
            let exampleAt = SourceLocation(file: file, line: text.flatMap { Self.line(of: "\"\(name)\"", in: $0, after: at.line ?? 1) } ?? at.line)
            guard let profile = try e.string("profile") else {
                throw RuleOutputError("\(path) ('\(name)') needs 'profile', a path relative to the rule file's folder")
            }
            guard let expectText = try e.string("expect"), let expect = RuleExample.Expectation(rawValue: expectText) else {
                throw RuleOutputError("\(path) ('\(name)') needs expect = one of \(RuleExample.Expectation.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            var patch: SourceValue?
            if e.has("patch") {
                patch = try e.with("patch") { _ throws(RuleOutputError) in try Self.sourceValue(lua, path: "\(path).patch", location: exampleAt, depth: 0) }
            }
            var remove: [String] = []
            try e.forEachElement("remove") { j throws(RuleOutputError) in
                guard let text = lua.toString(-1) else { throw RuleOutputError("\(path).remove[\(j)] must be a field path") }
                remove.append(text)
            }
            var findings: [PackTestCase.FindingExpectation] = []
            if e.has("findings") {
                let value = try e.with("findings") { _ throws(RuleOutputError) in try Self.sourceValue(lua, path: "\(path).findings", location: exampleAt, depth: 0) }
                do throws(PackError) { findings = try PackTestCase.findingList(value, defaultRule: rule) } catch {
                    throw RuleOutputError("\(path).findings: \(error.message)")
                }
            }
            let resolved = profile.hasPrefix("/") || folder.isEmpty ? profile : Self.normalized(folder + "/" + profile)
            examples.append(RuleExample(rule: rule, name: name, profile: resolved, patch: patch, remove: remove, expect: expect,
                                        subject: try e.string("subject"), findings: findings, location: exampleAt))
        }
        return examples
    }

    /// `rules/cement/../../examples/x.yaml` → `examples/x.yaml` (Foundation keeps `..` in relative paths).
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast() } else { parts.append(part) }
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }

    /// The line of the first occurrence of `needle` at or after line `after` (Lua tables keep no
    /// positions, so an example is found by its quoted name).
    static func line(of needle: String, in text: String, after: Int) -> Int? {
        // On UTF-8 bytes: rule files are mostly Chinese text, and scanning them grapheme by grapheme
        // at every load cost more than compiling the rules.
        let bytes = Array(text.utf8), pattern = Array(needle.utf8)
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
        var line = 1
        var i = 0
        while i + pattern.count <= bytes.count {
            if bytes[i] == UInt8(ascii: "\n") {
                line += 1
            } else if line >= after, bytes[i] == pattern[0], Array(bytes[i..<(i + pattern.count)]) == pattern {
                return line
            }
            i += 1
        }
        return nil
    }

    /// The Lua value on top as a located tree: tables with keys 1…n become lists, other tables
    /// mappings with sorted keys; numbers are written as `NumberFormat.plain`.
    static func sourceValue(_ lua: LuaState, path: String, location: SourceLocation, depth: Int) throws(RuleOutputError) -> SourceValue {
        guard depth < 32 else { throw RuleOutputError("\(path) is nested too deeply") }
        switch lua.type(at: -1) {
        case .string: return .scalar(lua.toString(-1) ?? "", isQuoted: true, location)
        case .number: return .scalar(NumberFormat.plain(lua.toNumber(-1) ?? 0), isQuoted: false, location)
        case .boolean: return .scalar(lua.toBool(-1) == true ? "true" : "false", isQuoted: false, location)
        case .table:
            guard let t = LuaTableReader(lua, at: -1, path: path) else { return .null(location) }
            let count = lua.rawLength(t.index)
            if count > 0 {
                var items: [SourceValue] = []
                for i in 1...count {
                    lua.rawGetIndex(t.index, i)
                    defer { lua.pop(1) }
                    items.append(try sourceValue(lua, path: "\(path)[\(i)]", location: location, depth: depth + 1))
                }
                return .sequence(items, location)
            }
            var pairs: [(key: String, keyLocation: SourceLocation, value: SourceValue)] = []
            for key in try t.sortedKeys() {
                let value = try t.with(dynamicKey: key) { _ throws(RuleOutputError) in
                    try sourceValue(lua, path: "\(path).\(key)", location: location, depth: depth + 1)
                }
                pairs.append((key, location, value))
            }
            return .mapping(pairs, location)
        default:
            throw RuleOutputError("\(path) must hold text, numbers, booleans and tables, found a \(lua.type(at: -1).name)")
        }
    }
}
