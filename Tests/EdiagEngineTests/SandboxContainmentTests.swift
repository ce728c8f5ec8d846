import EdiagEngine
import EdiagModel
import LuaSandbox
import Testing

/// A hostile rule next to a well-behaved one: the hostile one fails with its file and line, the
/// other still reports.
private func contain(_ body: String, limits: LuaLimits = LuaLimits(memoryBytes: 8 << 20, instructions: 2_000_000, seconds: 2)) throws -> (failure: String?, others: [Finding]) {
    let hostile = """
        rule {
          id = "test.hostile", title = { zh = "恶意", en = "hostile" }, category = "data_quality",
          references = { { standard = "test" } },
          evaluate = function(plant, ctx)
            \(body)
            ctx:finding { message = "survived" }
          end,
        }
        """
    let pack = try PackFixture.pack(files: ["a.lua": hostile, "b.lua": PackFixture.reportingRule(id: "test.good")])
    var options = RuntimeOptions()
    options.limits = limits
    let runtime = try RuleRuntime(packs: [pack], options: options)
    let diagnosis = runtime.diagnose(try PackFixture.profile())
    let failure = diagnosis.outcomes.first { $0.ruleID == "test.hostile" && $0.status == .failed }?.detail
    return (failure, diagnosis.findings.filter { $0.ruleID == "test.good" })
}

@Suite struct SandboxContainmentTests {
    @Test(arguments: [
        ("io.open('/etc/passwd')", "undefined global 'io'"),
        ("os.execute('true')", "undefined global 'os'"),
        ("debug.getregistry()", "undefined global 'debug'"),
        ("package.loadlib('x', 'y')", "undefined global 'package'"),
        ("dofile('/etc/passwd')", "undefined global 'dofile'"),
        ("loadfile('/etc/passwd')", "undefined global 'loadfile'"),
        ("string.dump(print)", "attempt to call a nil value"),
        ("assert(load(string.char(27) .. 'Lua'))()", "attempt to load a binary chunk"),
        ("string.upper = nil", "read-only"),
        ("getmetatable('').__index = {}", "attempt to index a string value"),
        ("rawset(string, 'upper', print)", "read-only"),
        ("_G.x = 1", "undefined global '_G'"),
        ("leaked = 1", "cannot set global"),
        ("setmetatable(plant, nil)", "protected metatable"),
        ("local t = setmetatable({}, { __index = function(t, k) return t[k] end }) local x = t.a", "stack overflow"),
        ("setmetatable({}, { __gc = function() while true do end end })", "finalizers"),
        ("plant.plant.id = 'x'", "read-only"),
        ("rawset(plant, 'x', 1)", "read-only"),
        ("local x = plant.plant.idd", "not defined for plant"),
        ("while true do end", "instruction limit"),
        ("while true do pcall(function() while true do end end) end", "instruction limit"),
        ("local t = {} for i = 1, 1e9 do t[i] = i end", "memory"),
        ("local s = string.rep('x', 1e9)", "exceeds the limit"),
        ("string.find(string.rep('a', 3000), 'a-a-a-a-b')", "pattern too complex"),
        ("local function f() return f() + 1 end f()", "stack overflow|memory"),
        ("error(setmetatable({}, { __tostring = function() while true do end end }))", "not a string"),
        ("collectgarbage('stop')", "undefined global 'collectgarbage'"),
        ("math.randomseed(1)", "attempt to call a nil value"),
    ])
    func hostileRuleIsContained(_ body: String, _ expected: String) throws {
        let (failure, others) = try contain(body)
        #expect(failure != nil, "\(body) was not stopped")
        let alternatives = expected.split(separator: "|").map(String.init)
        #expect(alternatives.contains { failure?.contains($0) == true }, "\(body): \(failure ?? "nil")")
        #expect(failure?.contains("a.lua:") == true || failure?.contains("error object") == true, "\(body): \(failure ?? "nil")")
        #expect(others.count == 1)
    }

    /// Globals are sealed after load: an evaluation cannot leave state for the next plant.
    @Test func evaluationsCannotLeaveGlobalState() throws {
        let rule = """
            local seen = 0
            rule {
              id = "test.state", title = { zh = "状态", en = "state" }, category = "data_quality",
              references = { { standard = "test" } },
              evaluate = function(plant, ctx) counter = (counter or 0) + 1 end,
            }
            """
        let pack = try PackFixture.pack(files: ["a.lua": rule])
        let runtime = try RuleRuntime(packs: [pack])
        let d = runtime.diagnose(try PackFixture.profile())
        #expect(d.outcomes.first?.detail.contains("undefined global 'counter'") == true)
    }

    /// pairs visits keys in sorted order, whatever the hash seed.
    @Test func pairsIsDeterministic() throws {
        let rule = """
            rule {
              id = "test.pairs", title = { zh = "顺序", en = "order" }, category = "data_quality",
              references = { { standard = "test" } },
              evaluate = function(plant, ctx)
                local t = { zeta = 1, alpha = 2, mid = 3, [10] = 4, [2] = 5 }
                local keys = {}
                for k in pairs(t) do keys[#keys + 1] = tostring(k) end
                ctx:finding { message = table.concat(keys, ",") }
              end,
            }
            """
        let runtime = try RuleRuntime(packs: [try PackFixture.pack(files: ["a.lua": rule])])
        #expect(runtime.diagnose(try PackFixture.profile()).findings.first?.message.en == "2,10,alpha,mid,zeta")
    }

    /// A file that fails to load is reported with its line; the other files still load.
    @Test func brokenFileDoesNotStopOthers() throws {
        let pack = try PackFixture.pack(files: ["a.lua": "rule {\n  id = \n", "b.lua": PackFixture.reportingRule(id: "test.good")])
        let runtime = try RuleRuntime(packs: [pack])
        #expect(runtime.loadErrors.count == 1)
        #expect(runtime.loadErrors.first?.location.file.hasSuffix("a.lua") == true)
        #expect(runtime.rules.map(\.id) == ["test.good"])
    }

    /// Two rules with one id: the second is refused naming the first.
    @Test func duplicateRuleIDsAreRefused() throws {
        let pack = try PackFixture.pack(files: ["a.lua": PackFixture.reportingRule(id: "test.same"), "b.lua": PackFixture.reportingRule(id: "test.same")])
        let runtime = try RuleRuntime(packs: [pack])
        #expect(runtime.loadErrors.first?.message.contains("already declared at") == true)
        #expect(runtime.rules.count == 1)
    }

    /// A rule without references is refused at its line.
    @Test func metadataIsChecked() throws {
        let rule = "rule { id = 'test.x', title = { zh = '甲', en = 'x' }, category = 'compliance', evaluate = function() end }"
        let runtime = try RuleRuntime(packs: [try PackFixture.pack(files: ["a.lua": rule])])
        #expect(runtime.loadErrors.first?.message.contains("references") == true)
        #expect(runtime.loadErrors.first?.location.line == 1)
    }
}
