import EdiagModel
import LuaSandbox

/// Reads a table a rule passed to the host, field by field, with raw access only (no metamethod
/// runs). Frozen read-only proxies are read through to their backing table.
struct LuaTableReader {
    /// The longest text a rule may hand the host in one field (64 KiB): findings are read by people.
    static let maxTextBytes = 64 * 1024

    let lua: LuaState
    /// Absolute stack index of the table.
    let index: Int32
    /// The field path for messages, e.g. `ctx:recommend{savings}`.
    let path: String

    /// Reads the table at `index`; nil if the value is not a table.
    init?(_ lua: LuaState, at index: Int32, path: String) {
        let absolute = lua.absoluteIndex(index)
        guard lua.type(at: absolute) == .table else { return nil }
        self.lua = lua
        self.path = path
        // A frozen proxy keeps its contents behind __index: read those instead. The metatable and
        // the backing table stay on the stack until the host function returns.
        _ = lua.ensureStack(8)
        if lua.pushRawMetatable(absolute) {
            let marker = lua.rawGetField(-1, "__metatable")
            let isFrozen = marker == .string && lua.stringLength(-1) == 16 && lua.toString(-1) == "ediag: read-only"
            lua.pop(1)
            if isFrozen {
                if lua.rawGetField(-1, "__index") == .table {
                    self.index = lua.absoluteIndex(-1)
                    return
                }
                lua.pop(1)
            }
            lua.pop(1)
        }
        self.index = absolute
    }

    /// Runs `body` with the field's value on top of the stack, then pops it.
    func with<T>(_ key: String, _ body: (LuaType) throws(RuleOutputError) -> T) throws(RuleOutputError) -> T {
        let type = lua.rawGetField(index, key)
        defer { lua.pop(1) }
        return try body(type)
    }

    func has(_ key: String) -> Bool {
        let t = lua.rawGetField(index, key)
        lua.pop(1)
        return t != .nil
    }

    func string(_ key: String) throws(RuleOutputError) -> String? {
        try with(key) { type throws(RuleOutputError) in
            switch type {
            case .nil: return nil
            case .string: return try Self.textOnTop(lua, path: "\(path).\(key)")
            default: throw RuleOutputError("\(path).\(key) must be text, got a \(type.name)")
            }
        }
    }

    func number(_ key: String) throws(RuleOutputError) -> Double? {
        try with(key) { type throws(RuleOutputError) in
            switch type {
            case .nil: return nil
            case .number:
                let v = lua.toNumber(-1)!
                guard v.isFinite else { throw RuleOutputError("\(path).\(key) must be a finite number, got \(v)") }
                return v
            default: throw RuleOutputError("\(path).\(key) must be a number, got a \(type.name)")
            }
        }
    }

    /// A number, or a quantity `{value=…, unit=…}` converted to `unit`.
    func quantity(_ key: String, in unit: String) throws(RuleOutputError) -> Double? {
        try with(key) { type throws(RuleOutputError) in
            try LuaTableReader.quantityOnTop(lua, path: "\(path).\(key)", unit: unit)
        }
    }

    static func quantityOnTop(_ lua: LuaState, path: @autoclosure () -> String, unit: String) throws(RuleOutputError) -> Double? {
        switch lua.type(at: -1) {
        case .nil: return nil
        case .number:
            let v = lua.toNumber(-1)!
            guard v.isFinite else { throw RuleOutputError("\(path()) must be a finite number, got \(v)") }
            return v
        case .table:
            guard let q = LuaTableReader(lua, at: -1, path: path()) else { return nil }
            guard let value = try q.number("value"), let from = try q.string("unit") else {
                throw RuleOutputError("\(path()) must be a number in \(unit) or ediag.q(value, unit)")
            }
            do {
                let converted = try Unit(from).convert(value, to: try Unit(unit))
                guard converted.isFinite else { throw RuleOutputError("\(path()) is not finite") }
                return converted
            } catch let error as UnitError {
                throw RuleOutputError("\(path()): \(error)")
            } catch {
                throw RuleOutputError("\(path()): \(error)")
            }
        default:
            throw RuleOutputError("\(path()) must be a number in \(unit), got a \(lua.type(at: -1).name)")
        }
    }

    /// The string on top as text: valid UTF-8 of at most `maxTextBytes` (never silently repaired).
    /// The path is only built when there is an error: every string a rule reports passes here.
    static func textOnTop(_ lua: LuaState, path: @autoclosure () -> String) throws(RuleOutputError) -> String {
        let length = lua.stringLength(-1)
        guard length <= maxTextBytes else {
            throw RuleOutputError("\(path()) is \(length) bytes, longer than the \(maxTextBytes) a rule may report")
        }
        guard lua.chargeHostCopy(length) else { throw hostCopyExceeded(lua) }
        guard let text = lua.validatedString(-1) else {
            throw RuleOutputError("\(path()) is not valid UTF-8 text")
        }
        return text
    }

    static func hostCopyExceeded(_ lua: LuaState) -> RuleOutputError {
        RuleOutputError("the rule handed the host more than \(lua.hostCopyLimit) bytes of text on one plant")
    }

    func bool(_ key: String) throws(RuleOutputError) -> Bool? {
        try with(key) { type throws(RuleOutputError) in
            switch type {
            case .nil: return nil
            case .boolean: return lua.toBool(-1)
            default: throw RuleOutputError("\(path).\(key) must be true or false, got a \(type.name)")
            }
        }
    }

    /// Text given as a string (both languages) or as `{zh = …, en = …}`.
    func localized(_ key: String) throws(RuleOutputError) -> LocalizedText? {
        try with(key) { type throws(RuleOutputError) in
            switch type {
            case .nil: return nil
            case .string:
                let s = try Self.textOnTop(lua, path: "\(path).\(key)")
                return LocalizedText(zh: s, en: s)
            case .table:
                let t = LuaTableReader(lua, at: -1, path: "\(path).\(key)")!
                let zh = try t.string("zh"), en = try t.string("en")
                guard zh != nil || en != nil else { throw RuleOutputError("\(path).\(key) needs zh or en text") }
                return LocalizedText(zh: zh ?? en ?? "", en: en ?? zh ?? "")
            default: throw RuleOutputError("\(path).\(key) must be text or {zh=…, en=…}, got a \(type.name)")
            }
        }
    }

    /// Calls `body` for each element 1…n of the array field, with the element on top.
    func forEachElement(_ key: String, _ body: (Int) throws(RuleOutputError) -> Void) throws(RuleOutputError) {
        try with(key) { type throws(RuleOutputError) in
            if type == .nil { return }
            guard let list = LuaTableReader(lua, at: -1, path: "\(path).\(key)") else {
                throw RuleOutputError("\(path).\(key) must be a list, got a \(type.name)")
            }
            let count = lua.rawLength(list.index)
            guard count <= 10_000 else { throw RuleOutputError("\(path).\(key) has more than 10000 entries") }
            for i in 1...max(count, 1) where count > 0 {
                lua.rawGetIndex(list.index, i)
                defer { lua.pop(1) }
                try body(i)
            }
        }
    }

    /// The string keys of the table, sorted (non-string keys are an error).
    func sortedKeys() throws(RuleOutputError) -> [String] {
        var keys: [String] = []
        var bad: String?
        var count = 0
        var overBudget = false
        lua.forEachPair(index) {
            count += 1
            guard count <= 10_000, !overBudget else { return }
            guard lua.type(at: -2) == .string else { bad = lua.type(at: -2).name; return }
            guard lua.chargeHostCopy(lua.stringLength(-2)) else { overBudget = true; return }
            keys.append(lua.toString(-2) ?? "")
        }
        if let bad { throw RuleOutputError("\(path) must have text keys, found a \(bad) key") }
        if overBudget { throw Self.hostCopyExceeded(lua) }
        guard count <= 10_000 else { throw RuleOutputError("\(path) has more than 10000 entries") }
        return keys.sorted()
    }
}

/// A rule passed the host something it cannot use; raised at the rule's line.
struct RuleOutputError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
