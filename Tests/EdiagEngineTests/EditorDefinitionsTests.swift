import EdiagReport
import Foundation
import Testing

private let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

@Suite struct EditorDefinitionsTests {
    /// editor/lua/profile.lua is what `ediag schema profile --format luals` writes now (it cannot drift from the schema).
    @Test func profileDefinitionsAreCurrent() throws {
        let stored = try String(contentsOfFile: projectRoot + "/editor/lua/profile.lua", encoding: .utf8)
        #expect(stored == ProfileLuaDefinitions.document(), "run: ediag schema profile --format luals > editor/lua/profile.lua")
    }

    /// Every function of the `ediag` library and every `ctx` method the sandbox offers is declared in editor/lua/ediag.lua.
    @Test func apiDefinitionsCoverThePrelude() throws {
        let prelude = try String(contentsOfFile: projectRoot + "/Sources/EdiagEngine/Lua/prelude.lua", encoding: .utf8)
        let definitions = try String(contentsOfFile: projectRoot + "/editor/lua/ediag.lua", encoding: .utf8)
        var library: [String] = []
        for line in prelude.split(separator: "\n") {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard text.hasPrefix("function lib."), let paren = text.firstIndex(of: "(") else { continue }
            library.append(String(text[text.index(text.startIndex, offsetBy: "function lib.".count)..<paren]))
        }
        #expect(library.count >= 15)
        for name in library { #expect(definitions.contains("function ediag.\(name)("), "ediag.\(name) is not declared") }
        let context = prelude.components(separatedBy: "local ctx = freeze({")[1].components(separatedBy: "})")[0]
        let methods = context.split(separator: "\n").compactMap { $0.split(separator: "=").first?.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(methods.count == 5)
        for method in methods { #expect(definitions.contains("function Context:\(method)("), "ctx:\(method) is not declared") }
        let luarc = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: projectRoot + "/.luarc.json"))) as? [String: Any]
        #expect((luarc?["workspace.library"] as? [String]) == ["editor/lua"])
    }
}
