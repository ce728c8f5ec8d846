import Testing
@testable import LuaSandbox

/// Runs `source` as a chunk under `limits` and returns the error, if any.
private func run(_ source: String, limits: LuaLimits = .ruleDefault) -> LuaError? {
    do {
        let lua = try LuaState()
        try lua.load(source, chunkName: "=test")
        try lua.call(arguments: 0, results: 0, limits: limits)
        return nil
    } catch {
        return error
    }
}

@Suite struct LuaStateTests {
    /// A plain loop is stopped by the instruction budget.
    @Test func instructionLimitStopsLoops() {
        let error = run("while true do end", limits: LuaLimits(memoryBytes: 0, instructions: 100_000, seconds: 0))
        #expect(error.map { if case .limit(.instructions, _) = $0 { true } else { false } } == true)
    }

    /// pcall inside the script cannot swallow the exhausted budget.
    @Test func pcallCannotSwallowTheInstructionLimit() {
        let error = run("while true do pcall(function() while true do end end) end",
                        limits: LuaLimits(memoryBytes: 0, instructions: 100_000, seconds: 0))
        #expect(error.map { if case .limit(.instructions, _) = $0 { true } else { false } } == true)
    }

    /// Loops inside coroutines are stopped too.
    @Test func coroutineLoopsAreStopped() {
        let error = run("local co = coroutine.wrap(function() while true do end end) co()",
                        limits: LuaLimits(memoryBytes: 0, instructions: 100_000, seconds: 0))
        #expect(error != nil)
    }

    /// The deadline stops a script even with a large instruction budget.
    @Test func deadlineStopsLongScripts() {
        let error = run("while true do end", limits: LuaLimits(memoryBytes: 0, instructions: 0, seconds: 0.05))
        #expect(error.map { if case .limit(.deadline, _) = $0 { true } else { false } } == true)
    }

    /// Table growth past the memory cap is refused and reported as a memory limit.
    @Test func memoryCapRefusesGrowth() {
        let error = run("local t = {} for i = 1, 1e8 do t[i] = i end",
                        limits: LuaLimits(memoryBytes: 4 << 20, instructions: 0, seconds: 5))
        #expect(error.map { if case .limit(.memory, _) = $0 { true } else { false } } == true)
    }

    /// Binary chunks are refused by the loader.
    @Test func binaryChunksAreRefused() throws {
        let lua = try LuaState()
        #expect(throws: LuaError.self) { try lua.load("\u{1B}Lua\u{54}\u{00}", chunkName: "=bin") }
    }

    /// Syntax errors carry the chunk name and line.
    @Test func syntaxErrorsCarryTheLine() throws {
        let lua = try LuaState()
        let error = #expect(throws: LuaError.self) { try lua.load("local x = \n = 2", chunkName: "@rule.lua") }
        guard case .syntax(let message)? = error else { Issue.record("not a syntax error"); return }
        #expect(message.contains("rule.lua:2"))
    }

    /// A host function's failure becomes a Lua error with the caller's position, raised from C.
    @Test func hostFailuresBecomeLuaErrorsWithPosition() throws {
        let lua = try LuaState()
        try lua.load("local f = ...\nf()", chunkName: "@caller.lua")
        lua.pushHostFunction { _ in .failure("bad input") }
        let error = #expect(throws: LuaError.self) { try lua.call(arguments: 1, results: 0, limits: .ruleDefault) }
        guard case .runtime(let message)? = error else { Issue.record("not a runtime error"); return }
        #expect(message == "caller.lua:2: bad input")
    }

    /// Host functions can return values to the script.
    @Test func hostFunctionsReturnValues() throws {
        let lua = try LuaState()
        try lua.load("local f = ... return f() + 1", chunkName: "=t")
        lua.pushHostFunction { l in l.push(41); return .results(1) }
        try lua.call(arguments: 1, results: 1, limits: .ruleDefault)
        #expect(lua.toNumber(-1) == 42)
    }

    /// Limits are capped at the host maximum.
    @Test func limitsAreCappedByTheHostMaximum() {
        let huge = LuaLimits(memoryBytes: 1 << 40, instructions: Int.max, seconds: 1e9).capped(by: .hostMaximum)
        #expect(huge == .hostMaximum)
        let zero = LuaLimits(memoryBytes: 0, instructions: 0, seconds: 0).capped(by: .hostMaximum)
        #expect(zero == .hostMaximum)
    }
}

/// Calls that first run without the instruction hook (`fastFirst`) end as counted calls do.
@Suite struct FastAttemptTests {
    /// Runs `source` with a fast first attempt; returns the error, how often the attempt was
    /// discarded, and the state's restart count.
    private func runFast(_ source: String, limits: LuaLimits = .ruleDefault) -> (error: LuaError?, discarded: Int, restarts: Int) {
        var discarded = 0
        guard let lua = try? LuaState() else { return (.cannotCreateState, 0, 0) }
        do {
            try lua.load(source, chunkName: "=test")
            try lua.call(arguments: 0, results: 0, limits: limits, fastFirst: { discarded += 1 })
            return (nil, discarded, lua.fastRestarts)
        } catch {
            return (error, discarded, lua.fastRestarts)
        }
    }

    /// A short script finishes in its fast attempt: nothing is discarded.
    @Test func shortScriptsFinishFast() throws {
        try #require(LuaState.fastCallsAvailable)
        let run = runFast("local n = 0 for i = 1, 1000 do n = n + i end")
        #expect(run.error == nil && run.discarded == 0 && run.restarts == 0)
    }

    /// An endless loop is stopped by the watchdog, run again counted, and fails on the instruction
    /// limit as a counted call does (a pcall inside cannot swallow either stop).
    @Test func endlessLoopsEndOnTheInstructionLimit() throws {
        try #require(LuaState.fastCallsAvailable)
        let run = runFast("while true do pcall(function() while true do end end) end")
        #expect(run.error.map { if case .limit(.instructions, _) = $0 { true } else { false } } == true)
        #expect(run.discarded == 1 && run.restarts == 1)
    }

    /// Making a coroutine stops the fast attempt at once (the watchdog cannot reach a coroutine's
    /// hook); the counted run stops the loop inside it.
    @Test func coroutinesAreAlwaysCounted() throws {
        try #require(LuaState.fastCallsAvailable)
        let run = runFast("local co = coroutine.wrap(function() while true do end end) co()")
        #expect(run.error.map { if case .limit(.instructions, _) = $0 { true } else { false } } == true)
        #expect(run.discarded == 1)
        let finite = runFast("local co = coroutine.create(function(a) return a + 1 end) assert(select(2, coroutine.resume(co, 1)) == 2)")
        #expect(finite.error == nil && finite.discarded == 1)
    }

    /// A budget too small to be safe for an unwatched attempt is counted from the start: a loop of
    /// 3·10^6 iterations fails a 2·10^6 budget, however fast it would finish.
    @Test func smallBudgetsAreCountedFromTheStart() {
        let run = runFast("for i = 1, 3000000 do end", limits: LuaLimits(memoryBytes: 0, instructions: 2_000_000, seconds: 0))
        #expect(run.error.map { if case .limit(.instructions, _) = $0 { true } else { false } } == true)
        #expect(run.discarded == 0)
    }

    /// The memory ceiling holds in a fast attempt.
    @Test func memoryCapHoldsWithoutTheHook() {
        let run = runFast("local t = {} for i = 1, 1e8 do t[i] = i end",
                          limits: LuaLimits(memoryBytes: 4 << 20, instructions: 50_000_000, seconds: 5))
        #expect(run.error.map { if case .limit(.memory, _) = $0 { true } else { false } } == true)
    }
}


@Suite struct FieldNameTests {
    /// Fixed field names read the right values on every read, also after a garbage collection and
    /// when many names share the name cache.
    @Test func fixedFieldNamesReadTheirOwnValues() throws {
        let lua = try LuaState()
        try lua.load("return { a = 1, b = 2, subject = 3, message = 4, values = 5, evidence = 6, unit = 7, source = 8 }",
                     chunkName: "=test")
        try lua.call(arguments: 0, results: 1, limits: nil)
        func read(_ key: StaticString) -> Double? {
            lua.rawGet(1, field: key)
            defer { lua.pop(1) }
            return lua.toNumber(-1)
        }
        for round in 0..<3 {
            #expect(read("a") == 1 && read("b") == 2 && read("subject") == 3 && read("message") == 4, "round \(round)")
            #expect(read("values") == 5 && read("evidence") == 6 && read("unit") == 7 && read("source") == 8, "round \(round)")
            #expect(read("missing") == nil && read("") == nil, "round \(round)")
            lua.collectGarbage()
        }
        #expect(lua.top == 1)
    }
}
