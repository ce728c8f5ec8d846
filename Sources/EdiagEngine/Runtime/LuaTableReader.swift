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
    /// Where the table sits, for messages; only turned into text when a message needs it.
    private let location: Location

    /// A table's field path in parts: a rule's report passes dozens of tables and keys, and joining
    /// their paths eagerly would cost more than reading them.
    private enum Location {
        case path(String)
        case field(parent: String, key: StaticString)
        case carrier(parent: String, key: String)
        case element(parent: String, index: Int)
    }

    /// The field path for messages, e.g. `ctx:recommend.savings` or `evidence[2]`.
    var path: String {
        switch location {
        case .path(let path): return path
        case .field(let parent, let key): return "\(parent).\(key)"
        case .carrier(let parent, let key): return "\(parent).\(key)"
        case .element(let parent, let index): return "\(parent)[\(index)]"
        }
    }

    /// Reads the table at `index`; nil if the value is not a table.
    init?(_ lua: LuaState, at index: Int32, path: String) {
        self.init(lua, at: index, location: .path(path))
    }

    /// Reads the table at `index`, the field `key` of the table at `parent`; nil if not a table.
    init?(_ lua: LuaState, at index: Int32, parent: String, key: StaticString) {
        self.init(lua, at: index, location: .field(parent: parent, key: key))
    }

    /// Reads the table at `index`, the field `key` (a name the rule chose) of the table at `parent`.
    init?(_ lua: LuaState, at index: Int32, parent: String, dynamicKey key: String) {
        self.init(lua, at: index, location: .carrier(parent: parent, key: key))
    }

    /// Reads the table at `index`, element `element` of the list at `parent`; nil if not a table.
    init?(_ lua: LuaState, at index: Int32, parent: String, element: Int) {
        self.init(lua, at: index, location: .element(parent: parent, index: element))
    }

    private init?(_ lua: LuaState, at index: Int32, location: Location) {
        let absolute = lua.absoluteIndex(index)
        guard lua.type(at: absolute) == .table else { return nil }
        self.lua = lua
        self.location = location
        // A frozen proxy keeps its contents behind __index: read those instead. The metatable and
        // the backing table stay on the stack until the host function returns.
        _ = lua.ensureStack(8)
        if lua.pushRawMetatable(absolute) {
            let marker = lua.rawGet(-1, field: "__metatable")
            let isFrozen = marker == .string && lua.stringLength(-1) == 16 && lua.toString(-1) == "ediag: read-only"
            lua.pop(1)
            if isFrozen {
                if lua.rawGet(-1, field: "__index") == .table {
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
    func with<T>(_ key: StaticString, _ body: (LuaType) throws(RuleOutputError) -> T) throws(RuleOutputError) -> T {
        let type = lua.rawGet(index, field: key)
        defer { lua.pop(1) }
        return try body(type)
    }

    /// `with` for a key the rule chose (e.g. a carrier name from `sortedKeys`).
    func with<T>(dynamicKey key: String, _ body: (LuaType) throws(RuleOutputError) -> T) throws(RuleOutputError) -> T {
        let type = lua.rawGetField(index, key)
        defer { lua.pop(1) }
        return try body(type)
    }

    func has(_ key: StaticString) -> Bool {
        let t = lua.rawGet(index, field: key)
        lua.pop(1)
        return t != .nil
    }

    func string(_ key: StaticString) throws(RuleOutputError) -> String? {
        try with(key) { type throws(RuleOutputError) in
            switch type {
            case .nil: return nil
            case .string: return try Self.textOnTop(lua, path: "\(path).\(key)")
            default: throw RuleOutputError("\(path).\(key) must be text, got a \(type.name)")
            }
        }
    }

    func number(_ key: StaticString) throws(RuleOutputError) -> Double? {
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
    func quantity(_ key: StaticString, in unit: String) throws(RuleOutputError) -> Double? {
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
        try text(lua.stringBuffer(-1) ?? UnsafeBufferPointer(start: nil, count: 0), lua, path: path())
    }

    /// `textOnTop` for the bytes of a Lua string read in place (see `LuaState.stringBuffer`).
    static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ lua: LuaState, path: @autoclosure () -> String) throws(RuleOutputError) -> String {
        let length = bytes.count
        guard length <= maxTextBytes else {
            throw RuleOutputError("\(path()) is \(length) bytes, longer than the \(maxTextBytes) a rule may report")
        }
        guard lua.chargeHostCopy(length) else { throw hostCopyExceeded(lua) }
        guard UTF8Check.isValid(bytes) else {
            throw RuleOutputError("\(path()) is not valid UTF-8 text")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func hostCopyExceeded(_ lua: LuaState) -> RuleOutputError {
        RuleOutputError("the rule handed the host more than \(lua.hostCopyLimit) bytes of text on one plant")
    }

    func bool(_ key: StaticString) throws(RuleOutputError) -> Bool? {
        try with(key) { type throws(RuleOutputError) in
            switch type {
            case .nil: return nil
            case .boolean: return lua.toBool(-1)
            default: throw RuleOutputError("\(path).\(key) must be true or false, got a \(type.name)")
            }
        }
    }

    /// Text given as a string (both languages) or as `{zh = …, en = …}`.
    func localized(_ key: StaticString) throws(RuleOutputError) -> LocalizedText? {
        try with(key) { type throws(RuleOutputError) in
            switch type {
            case .nil: return nil
            case .string:
                let s = try Self.textOnTop(lua, path: "\(path).\(key)")
                return LocalizedText(zh: s, en: s)
            case .table:
                let t = LuaTableReader(lua, at: -1, parent: path, key: key)!
                let zh = try t.string("zh"), en = try t.string("en")
                guard zh != nil || en != nil else { throw RuleOutputError("\(path).\(key) needs zh or en text") }
                return LocalizedText(zh: zh ?? en ?? "", en: en ?? zh ?? "")
            default: throw RuleOutputError("\(path).\(key) must be text or {zh=…, en=…}, got a \(type.name)")
            }
        }
    }

    /// Calls `body` for each element 1…n of the array field, with the element on top.
    func forEachElement(_ key: StaticString, _ body: (Int) throws(RuleOutputError) -> Void) throws(RuleOutputError) {
        try with(key) { type throws(RuleOutputError) in
            if type == .nil { return }
            guard let list = LuaTableReader(lua, at: -1, parent: path, key: key) else {
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

    /// One entry of a table of named scalars (see `sortedEntries`).
    struct Entry {
        var key: String
        var type: LuaType
        /// The value when `type` is a number or a boolean (1 for true).
        var number: Double
        /// The value's bytes in place when `type` is a string.
        var text: UnsafeBufferPointer<UInt8>
    }

    /// The entries of the table sorted by key, in one pass over it: the checks and charges of
    /// `sortedKeys`, with each value's type and, for scalars, the value itself (text in place, valid
    /// until Lua runs again), so that they need no second lookup.
    func sortedEntries() throws(RuleOutputError) -> [Entry] {
        var entries: [Entry] = []
        var bad: String?
        var count = 0
        var overBudget = false
        let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        lua.forEachPair(index) {
            count += 1
            guard count <= 10_000, !overBudget else { return }
            guard let key = lua.stringBuffer(-2) else { bad = lua.type(at: -2).name; return }
            guard lua.chargeHostCopy(key.count) else { overBudget = true; return }
            let type = lua.type(at: -1)
            var entry = Entry(key: String(decoding: key, as: UTF8.self), type: type, number: 0, text: empty)
            switch type {
            case .number: entry.number = lua.toNumber(-1) ?? 0
            case .boolean: entry.number = lua.toBool(-1) == true ? 1 : 0
            case .string: entry.text = lua.stringBuffer(-1) ?? empty
            default: break
            }
            entries.append(entry)
        }
        if let bad { throw RuleOutputError("\(path) must have text keys, found a \(bad) key") }
        if overBudget { throw Self.hostCopyExceeded(lua) }
        guard count <= 10_000 else { throw RuleOutputError("\(path) has more than 10000 entries") }
        entries.sort { $0.key < $1.key }
        return entries
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
