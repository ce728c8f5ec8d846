import CLua
import CLuaShim

/// The resource limits for one protected call into Lua.
///
/// A zero disables that limit. The engine applies safe defaults (see `LuaLimits.ruleDefault`) and
/// never lets a configuration raise them above `LuaLimits.hostMaximum`.
public struct LuaLimits: Sendable, Equatable {
    /// Heap growth allowed during the call, in bytes, above what the state already holds.
    public var memoryBytes: Int
    /// Lua VM instructions allowed during the call (counted in steps of the hook interval).
    public var instructions: Int
    /// Wall-clock time allowed for the call, in seconds.
    public var seconds: Double

    public init(memoryBytes: Int, instructions: Int, seconds: Double) {
        self.memoryBytes = memoryBytes
        self.instructions = instructions
        self.seconds = seconds
    }

    /// Limits for one rule evaluation on one plant: 32 MiB, 50 million instructions, 2 s.
    public static let ruleDefault = LuaLimits(memoryBytes: 32 << 20, instructions: 50_000_000, seconds: 2)
    /// The ceiling no configuration may exceed: 256 MiB, 2 billion instructions, 30 s.
    public static let hostMaximum = LuaLimits(memoryBytes: 256 << 20, instructions: 2_000_000_000, seconds: 30)

    /// These limits with every field capped at `ceiling`.
    public func capped(by ceiling: LuaLimits) -> LuaLimits {
        func cap<T: Comparable & Numeric>(_ value: T, _ max: T) -> T { value <= 0 || value > max ? max : value }
        return LuaLimits(
            memoryBytes: cap(memoryBytes, ceiling.memoryBytes),
            instructions: cap(instructions, ceiling.instructions),
            seconds: cap(seconds, ceiling.seconds))
    }
}

/// Which resource limit stopped a call.
public enum LuaLimitKind: String, Sendable, Equatable {
    case instructions, deadline, memory
}

/// Why a chunk could not be loaded or a call failed.
public enum LuaError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The chunk does not compile; the message carries `chunkname:line:`.
    case syntax(String)
    /// The script raised an error; the message carries `file:line:` where Lua could tell.
    case runtime(String)
    /// A resource limit stopped the script.
    case limit(LuaLimitKind, String)
    /// The state could not be created.
    case cannotCreateState

    public var description: String {
        switch self {
        case .syntax(let m): return "syntax error: \(m)"
        case .runtime(let m): return m
        case .limit(let kind, let m):
            switch kind {
            case .instructions: return "instruction limit exceeded: \(m)"
            case .deadline: return "deadline exceeded: \(m)"
            case .memory: return "memory limit exceeded: \(m)"
            }
        case .cannotCreateState: return "cannot create a Lua state"
        }
    }
}

/// What a host function reports back to the trampoline.
public enum HostReturn {
    /// The function pushed this many results.
    case results(Int32)
    /// The function failed; the trampoline raises this message, prefixed with the caller's position.
    case failure(String)
}

/// A function the host offers to scripts. It reads its arguments from the stack (index 1…top) with
/// the raw, non-raising accessors of `LuaState` and must not call into Lua.
public typealias HostFunction = (LuaState) -> HostReturn

/// Resource use measured during the last protected call.
public struct LuaCallCost: Sendable, Equatable {
    /// Instructions executed (a multiple of the hook interval; 0 when no hook ran).
    public var instructions: Int
    /// Peak heap size during the call, in bytes.
    public var peakBytes: Int
}

/// A Lua 5.4 state with ediag's sandbox bookkeeping: counted allocation, an instruction and deadline
/// hook, and host functions reached through a C trampoline.
///
/// A state has exactly one owner and is never shared between threads: concurrency comes from one
/// state per worker. Swift code here never raises a Lua error and never calls a Lua API that can run
/// a metamethod; everything that may raise runs inside `call(…)`.
public final class LuaState {
    /// The `lua_State *` the methods below work on: the main thread, or while a host function runs,
    /// the thread (coroutine) that called it, whose stack holds the arguments.
    ///
    /// Every stack operation reads it, so it is exempt from the dynamic exclusivity check (a state
    /// has one owner and host functions never call into Lua while an access is open).
    @exclusivity(unchecked) public private(set) var L: OpaquePointer
    private let mainThread: OpaquePointer
    private let sandbox: UnsafeMutablePointer<ediag_sandbox>
    /// Read on every call of a host function: exempt from the dynamic exclusivity check like `L`.
    @exclusivity(unchecked) private var hostFunctions: [HostFunction] = []
    /// Fast attempts (`call(…, fastFirst:)`) stopped and run again with counting, since the state was made.
    public var fastRestarts: Int { Int(sandbox.pointee.fast_restarts) }
    /// Whether this thread can watch fast attempts (otherwise every call is counted from the start).
    public static var fastCallsAvailable: Bool { ediag_fast_calls_available() != 0 }
    /// Cost of the last `call`.
    public private(set) var lastCallCost = LuaCallCost(instructions: 0, peakBytes: 0)
    /// Bytes of script text host functions may copy out of the state during one `call` (the Lua
    /// heap limit does not see the host's copies: one string referenced 10 000 times costs Lua
    /// nothing and the host 10 000 copies).
    public var hostCopyLimit = 4 << 20
    /// What is left of `hostCopyLimit` in the current call (charged for every string a host
    /// function copies, so exempt from the dynamic exclusivity check like `L`).
    @exclusivity(unchecked) public private(set) var hostCopyBudget = 0
    /// The registry references of the field names `rawGet(_:field:)` pushed, by the address of
    /// their static text (see `pushKey`). Plain memory rather than an array: an array read from a
    /// class property is retained and released on every access.
    private let keyCache: UnsafeMutablePointer<(address: UInt, length: Int, ref: Int32)> = {
        let slots = UnsafeMutablePointer<(address: UInt, length: Int, ref: Int32)>.allocate(capacity: LuaState.keySlots)
        slots.initialize(repeating: (0, 0, LUA_NOREF), count: LuaState.keySlots)
        return slots
    }()
    private static let keySlots = 256
    /// How many `call`s are running (a host function may call back into Lua).
    private var callDepth = 0

    /// Creates a state with the safe standard libraries open (base, string, table, math, utf8,
    /// coroutine). The prelude that builds the sandbox on top is the engine's business.
    public init() throws(LuaError) {
        sandbox = .allocate(capacity: 1)
        guard let state = ediag_open(sandbox) else {
            sandbox.deallocate()
            keyCache.deallocate()
            throw .cannotCreateState
        }
        L = state
        mainThread = state
        sandbox.pointee.dispatch = { L, id, host in
            guard let L, let host else { return -1 }
            let state = Unmanaged<LuaState>.fromOpaque(host).takeUnretainedValue()
            return state.dispatch(Int(id), on: L)
        }
        sandbox.pointee.host = Unmanaged.passUnretained(self).toOpaque()
    }

    deinit {
        ediag_close(mainThread)
        sandbox.deallocate()
        keyCache.deallocate()
    }

    private func dispatch(_ id: Int, on thread: OpaquePointer) -> Int32 {
        let caller = L
        L = thread
        defer { L = caller }
        guard id >= 0, id < hostFunctions.count else {
            pushString("unknown host function")
            return -1
        }
        switch hostFunctions[id](self) {
        case .results(let n): return n
        case .failure(let message):
            pushString(message)
            return -1
        }
    }

    // MARK: - Host functions

    /// Pushes a Lua function that calls `function` through the C trampoline.
    public func pushHostFunction(_ function: @escaping HostFunction) {
        hostFunctions.append(function)
        ediag_push_host_function(L, Int32(hostFunctions.count - 1))
    }

    /// Pushes the private C helpers table used by the sandbox prelude.
    public func pushPrivateHelpers() { ediag_push_private_helpers(L) }

    // MARK: - Loading and calling

    /// Compiles a text chunk (binary chunks are refused) and leaves the function on the stack.
    ///
    /// - Parameters:
    ///   - source: the Lua source text.
    ///   - chunkName: the name used in error positions, e.g. `@rules/cement/clinker.lua`.
    /// - Throws: `LuaError.syntax` with `file:line:` when the text does not compile.
    public func load(_ source: String, chunkName: String) throws(LuaError) {
        var bytes = Array(source.utf8CString)
        let count = bytes.count - 1
        let status = bytes.withUnsafeMutableBufferPointer { buffer in
            luaL_loadbufferx(L, buffer.baseAddress, count, chunkName, "t")
        }
        if status != LUA_OK {
            let message = errorMessage(at: -1)
            pop(1)
            throw .syntax(message)
        }
    }

    /// Calls the function below `arguments` values on the stack, under `limits` (a call made from a
    /// host function runs under the outer call's limits, whatever `limits` says).
    ///
    /// On success the results are on the stack; on failure nothing is left and the error is thrown.
    ///
    /// With `fastFirst`, the call first runs without the instruction hook, which costs on every
    /// instruction: a watchdog on the thread's CPU time stops an attempt that runs long (5–10 ms of
    /// CPU; budgets below 4·10^7 instructions are counted from the start) and making a coroutine stops it at once; `fastFirst` is then called to discard what the
    /// attempt reported, and the call runs again from the start with exact counting. So the outcome
    /// is always the one a counted call gives: a call that finishes fast never came near a limit.
    public func call(arguments: Int32, results: Int32, limits: LuaLimits?, fastFirst: (() -> Void)? = nil) throws(LuaError) {
        var budget = ediag_budget()
        if let limits {
            budget.memory_bytes = limits.memoryBytes
            budget.instructions = Int64(limits.instructions)
            budget.seconds = limits.seconds
        }
        let outermost = callDepth == 0
        if outermost { hostCopyBudget = hostCopyLimit }
        budget.fast = fastFirst != nil && outermost ? 1 : 0
        callDepth += 1
        var status = ediag_call(L, arguments, results, &budget)
        if status == EDIAG_CALL_RESTART {
            fastFirst?()
            hostCopyBudget = hostCopyLimit
            budget.fast = 0
            status = ediag_call(L, arguments, results, &budget)
        }
        callDepth -= 1
        if outermost {
            lastCallCost = LuaCallCost(
                instructions: Int(sandbox.pointee.instructions_executed),
                peakBytes: Int(sandbox.pointee.peak_bytes))
        }
        if status == LUA_OK { return }
        var message = errorMessage(at: -1)
        pop(1)
        // Errors raised where the message handler could not run (memory, error in error handling)
        // get the rule position the allocator or the handler saw.
        let memoryWhere = withUnsafeBytes(of: &sandbox.pointee.memory_where) { Self.text($0) }
        let errorWhere = withUnsafeBytes(of: &sandbox.pointee.error_where) { Self.text($0) }
        let limit = Int(sandbox.pointee.limit_hit)
        message = Self.positioned(message, at: limit == Int(EDIAG_LIMIT_MEMORY.rawValue) ? memoryWhere : errorWhere)
        switch limit {
        case Int(EDIAG_LIMIT_INSTRUCTIONS.rawValue): throw .limit(.instructions, message)
        case Int(EDIAG_LIMIT_DEADLINE.rawValue): throw .limit(.deadline, message)
        case Int(EDIAG_LIMIT_MEMORY.rawValue): throw .limit(.memory, message)
        default: throw .runtime(message)
        }
    }

    private static func text(_ raw: UnsafeRawBufferPointer) -> String {
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
    }

    /// `message` prefixed with `position` ("file:line") unless it already starts with that file.
    static func positioned(_ message: String, at position: String) -> String {
        guard let colon = position.lastIndex(of: ":") else { return message }
        let file = position[...colon]
        return message.hasPrefix(file) ? message : "\(position): \(message)"
    }

    /// The longest error message kept, in bytes.
    public static let maxErrorBytes = 4096

    /// The error object at `index` as text, read without running any metamethod.
    private func errorMessage(at index: Int32) -> String {
        switch lua_type(L, index) {
        case LUA_TSTRING:
            // The message names a file and line first; a script can make the rest megabytes long.
            let length = stringLength(index)
            guard length > Self.maxErrorBytes else { return toString(index) ?? "(error)" }
            var size = 0
            guard let chars = lua_tolstring(L, index, &size) else { return "(error)" }
            let head = String(decoding: UnsafeRawBufferPointer(start: chars, count: Self.maxErrorBytes), as: UTF8.self)
            return "\(head)… (error message cut at \(Self.maxErrorBytes) of \(length) bytes)"
        case LUA_TNIL: return "error with no message"
        default:
            let typeName = String(cString: lua_typename(L, lua_type(L, index)))
            return "error object is not a string (a \(typeName) value)"
        }
    }

    /// Runs a full garbage collection (outside any script).
    public func collectGarbage() { ediag_gc_collect(L) }

    /// Heap currently in use, in bytes.
    public var bytesInUse: Int { Int(ediag_bytes_in_use(L)) }

    // MARK: - Stack

    public var top: Int32 { lua_gettop(L) }
    public func setTop(_ index: Int32) { lua_settop(L, index) }
    public func pop(_ n: Int32) { lua_settop(L, -n - 1) }
    public func pushValue(at index: Int32) { lua_pushvalue(L, index) }
    public func pushNil() { lua_pushnil(L) }
    public func push(_ value: Bool) { lua_pushboolean(L, value ? 1 : 0) }
    public func push(_ value: Double) { lua_pushnumber(L, value) }
    public func push(_ value: Int) { lua_pushinteger(L, lua_Integer(value)) }
    public func pushString(_ value: String) {
        var copy = value
        copy.withUTF8 { buffer in
            _ = buffer.withMemoryRebound(to: CChar.self) { chars in
                lua_pushlstring(L, chars.baseAddress, chars.count)
            }
        }
    }
    public func newTable(arrayCount: Int = 0, recordCount: Int = 0) {
        lua_createtable(L, Int32(arrayCount), Int32(recordCount))
    }
    /// `table[key] = top` without metamethods; pops the value.
    public func rawSetField(_ table: Int32, _ key: String) {
        let absolute = lua_absindex(L, table)
        pushString(key)
        lua_rotate(L, -2, 1)
        lua_rawset(L, absolute)
    }
    /// `table[i] = top` without metamethods; pops the value.
    public func rawSetIndex(_ table: Int32, _ i: Int) { lua_rawseti(L, table, lua_Integer(i)) }
    /// Pushes `table[key]` without metamethods and returns its type.
    @discardableResult
    public func rawGetField(_ table: Int32, _ key: String) -> LuaType {
        let absolute = lua_absindex(L, table)
        pushString(key)
        return LuaType(raw: lua_rawget(L, absolute))
    }
    /// Pushes `table[key]` without metamethods and returns its type; for the fixed field names host
    /// functions read, which are pushed without any conversion.
    @discardableResult
    public func rawGet(_ table: Int32, field key: StaticString) -> LuaType {
        let absolute = lua_absindex(L, table)
        pushKey(key)
        return LuaType(raw: lua_rawget(L, absolute))
    }

    /// Pushes a fixed field name. Each name is made a Lua string once and kept in the registry,
    /// found again by the address of its static text (which never moves, unlike a Lua string's):
    /// host functions read dozens of fields per call, and hashing each name into Lua's string
    /// table every time cost more than looking up the value.
    private func pushKey(_ key: StaticString) {
        let address = UInt(bitPattern: key.utf8Start)
        let slot = Int((address >> 3 ^ address >> 11) & UInt(Self.keySlots - 1))
        let cached = keyCache[slot]
        if cached.address == address, cached.length == key.utf8CodeUnitCount {
            lua_rawgeti(L, ediag_registry_index(), lua_Integer(cached.ref))
            return
        }
        key.withUTF8Buffer { bytes in
            _ = bytes.withMemoryRebound(to: CChar.self) { chars in lua_pushlstring(L, chars.baseAddress, chars.count) }
        }
        // Two names on one slot take turns: the one pushed last stays.
        if cached.ref != LUA_NOREF { luaL_unref(L, ediag_registry_index(), cached.ref) }
        lua_pushvalue(L, -1)
        keyCache[slot] = (address, key.utf8CodeUnitCount, luaL_ref(L, ediag_registry_index()))
    }
    /// Pushes `table[i]` without metamethods and returns its type.
    @discardableResult
    public func rawGetIndex(_ table: Int32, _ i: Int) -> LuaType {
        LuaType(raw: lua_rawgeti(L, table, lua_Integer(i)))
    }
    /// Sets the metatable of the value at `index` to the table on top (popped). No metamethod runs.
    public func setMetatable(_ index: Int32) { lua_setmetatable(L, index) }
    /// The raw length of the table at `index`.
    public func rawLength(_ index: Int32) -> Int { Int(lua_rawlen(L, index)) }
    public func type(at index: Int32) -> LuaType { LuaType(raw: lua_type(L, index)) }
    public func absoluteIndex(_ index: Int32) -> Int32 { lua_absindex(L, index) }
    /// Pushes the registry table.
    public func pushRegistry() { lua_pushvalue(L, ediag_registry_index()) }
    /// Pops the top value into the registry and returns its reference.
    public func ref() -> Int32 { luaL_ref(L, ediag_registry_index()) }
    /// Pushes a value held in the registry.
    public func pushRef(_ ref: Int32) { lua_rawgeti(L, ediag_registry_index(), lua_Integer(ref)) }
    /// Releases a registry reference.
    public func unref(_ ref: Int32) { luaL_unref(L, ediag_registry_index(), ref) }
    /// Sets the first upvalue (`_ENV` of a main chunk) of the function at `function` to the top value.
    public func setEnvironment(ofFunctionAt function: Int32) {
        _ = lua_setupvalue(L, function, 1)
    }

    /// Iterates the table at `index` with raw `next`; `body` sees the key at -2 and value at -1 and
    /// must leave the stack as it found it. Order is Lua's, so callers sort when order matters.
    public func forEachPair(_ index: Int32, _ body: () -> Void) {
        let table = lua_absindex(L, index)
        lua_pushnil(L)
        while lua_next(L, table) != 0 {
            body()
            lua_settop(L, -2)
        }
    }

    // MARK: - Reading values (never converts in place, never runs metamethods)

    public func toNumber(_ index: Int32) -> Double? {
        guard lua_type(L, index) == LUA_TNUMBER else { return nil }
        return lua_tonumberx(L, index, nil)
    }
    public func isInteger(_ index: Int32) -> Bool { lua_isinteger(L, index) != 0 }
    public func toInteger(_ index: Int32) -> Int? {
        guard lua_type(L, index) == LUA_TNUMBER else { return nil }
        var ok: Int32 = 0
        let value = lua_tointegerx(L, index, &ok)
        return ok != 0 ? Int(value) : nil
    }
    public func toBool(_ index: Int32) -> Bool? {
        guard lua_type(L, index) == LUA_TBOOLEAN else { return nil }
        return lua_toboolean(L, index) != 0
    }
    /// The string at `index`; `nil` for any other type (numbers are not converted).
    public func toString(_ index: Int32) -> String? {
        guard lua_type(L, index) == LUA_TSTRING else { return nil }
        var length = 0
        guard let chars = lua_tolstring(L, index, &length) else { return nil }
        let buffer = UnsafeRawBufferPointer(start: chars, count: length)
        return String(decoding: buffer, as: UTF8.self)
    }
    /// The length in bytes of the string at `index` (0 for any other type), read without copying.
    public func stringLength(_ index: Int32) -> Int {
        lua_type(L, index) == LUA_TSTRING ? Int(lua_rawlen(L, index)) : 0
    }
    /// Takes `bytes` from the host-copy budget of the current call; false (and nothing left) when
    /// they do not fit.
    public func chargeHostCopy(_ bytes: Int) -> Bool {
        guard bytes <= hostCopyBudget else {
            hostCopyBudget = 0
            return false
        }
        hostCopyBudget -= bytes
        return true
    }
    /// The string at `index` if it is valid UTF-8 (no repair, no intermediate copy), else nil.
    public func validatedString(_ index: Int32) -> String? {
        guard lua_type(L, index) == LUA_TSTRING else { return nil }
        var length = 0
        guard let chars = lua_tolstring(L, index, &length) else { return nil }
        let buffer = UnsafeBufferPointer(start: UnsafeRawPointer(chars).assumingMemoryBound(to: UInt8.self), count: length)
        // The standard library's generic `String(validating:)` costs several times the check itself.
        guard UTF8Check.isValid(buffer) else { return nil }
        return String(decoding: buffer, as: UTF8.self)
    }

    /// The bytes of the string at `index` in place, or nil for any other type. They stay valid while
    /// the string is reachable from the stack and no Lua code runs (Lua never moves a string).
    public func stringBuffer(_ index: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard lua_type(L, index) == LUA_TSTRING else { return nil }
        var length = 0
        guard let chars = lua_tolstring(L, index, &length) else { return nil }
        return UnsafeBufferPointer(start: UnsafeRawPointer(chars).assumingMemoryBound(to: UInt8.self), count: length)
    }

    /// The bytes of the string at `index`, or nil.
    public func stringBytes(_ index: Int32) -> [UInt8]? {
        guard lua_type(L, index) == LUA_TSTRING else { return nil }
        var length = 0
        guard let chars = lua_tolstring(L, index, &length) else { return nil }
        return Array(UnsafeRawBufferPointer(start: chars, count: length))
    }
}

/// The type of a Lua value.
public enum LuaType: Sendable, Equatable {
    case none, `nil`, boolean, lightUserdata, number, string, table, function, userdata, thread

    init(raw: Int32) {
        switch raw {
        case LUA_TNIL: self = .nil
        case LUA_TBOOLEAN: self = .boolean
        case LUA_TLIGHTUSERDATA: self = .lightUserdata
        case LUA_TNUMBER: self = .number
        case LUA_TSTRING: self = .string
        case LUA_TTABLE: self = .table
        case LUA_TFUNCTION: self = .function
        case LUA_TUSERDATA: self = .userdata
        case LUA_TTHREAD: self = .thread
        default: self = .none
        }
    }

    /// The name Lua uses for this type.
    public var name: String {
        switch self {
        case .none: return "no value"
        case .nil: return "nil"
        case .boolean: return "boolean"
        case .lightUserdata, .userdata: return "userdata"
        case .number: return "number"
        case .string: return "string"
        case .table: return "table"
        case .function: return "function"
        case .thread: return "thread"
        }
    }
}

extension LuaState {
    /// `chunkname:line` of the Lua code `level` frames up (1 = the caller of a host function).
    public func whereInScript(level: Int32 = 1) -> String? {
        var buffer = [CChar](repeating: 0, count: 512)
        guard ediag_where(L, level, &buffer, buffer.count) != 0 else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Makes room for `n` more values on the stack; false when the stack cannot grow.
    public func ensureStack(_ n: Int32) -> Bool { lua_checkstack(L, n) != 0 }

    /// Pushes the real metatable of the value at `index` (ignoring `__metatable`); false if none.
    public func pushRawMetatable(_ index: Int32) -> Bool { lua_getmetatable(L, index) != 0 }
}

extension LuaState {
    /// `table[key] = value` with key at -2 and value at -1 (both popped); no metamethod runs.
    public func rawSet(_ table: Int32) { lua_rawset(L, table) }

    /// Replaces the table on top with a read-only proxy whose metatable copies the template held
    /// at `templateRef` and reads through to the table (see the prelude's profile proxies).
    public func wrapInProxy(templateRef: Int32) { ediag_wrap_proxy(L, templateRef) }

    /// Like `wrapInProxy`, and every scalar read through the proxy calls the function held at
    /// `readerRef` with (backing table, key, value).
    public func wrapInTracedProxy(templateRef: Int32, readerRef: Int32) { ediag_wrap_traced_proxy(L, templateRef, readerRef) }

    /// Pushes `table[key]` for the key on top (replacing it) without metamethods; returns its type.
    @discardableResult
    public func rawGet(_ table: Int32) -> LuaType { LuaType(raw: lua_rawget(L, table)) }
}

extension LuaState {
    /// Counts instructions in steps of `instructions` (default 1000; 1 counts exactly, slowly).
    public func setInstructionStep(_ instructions: Int) { ediag_set_hook_interval(L, Int32(instructions)) }

    /// Records line coverage in every later call. Off by default: without it the hook only counts
    /// instructions.
    public func startCoverage() { ediag_coverage_start(L) }

    /// Adds the executable lines of every function reachable from the value on top (popped).
    public func scanCoverage() { _ = ediag_coverage_scan(L) }

    /// What the line hook recorded, by file (sorted): the lines that hold code (from the active
    /// lines of every function seen) and those that ran. Empty when coverage is off.
    public func coverage() -> [(file: String, executable: [Int], hit: [Int])] {
        guard let record = ediag_coverage_record(L) else { return [] }
        var files: [(file: String, executable: [Int], hit: [Int])] = []
        for i in 0..<Int(record.pointee.count) {
            let f = record.pointee.files[i]
            var executable: [Int] = [], hit: [Int] = []
            for line in 1..<max(Int(f.size), 1) where f.size > 0 {
                let bits = f.lines[line]
                // A line that ran is executable even when no scan saw its function (closures made at run time).
                if bits & 3 != 0 { executable.append(line) }
                if bits & 2 != 0 { hit.append(line) }
            }
            files.append((String(cString: f.source), executable, hit))
        }
        return files.sorted { $0.file < $1.file }
    }
}
