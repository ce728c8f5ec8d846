import EdiagEngine
import EdiagModel
import LuaSandbox
import Testing

/// The hostile scripts themselves are data files in `Hostile/` run by `HostileRuleSuite`.
@Suite struct SandboxContainmentTests {
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

/// Host functions called from inside a coroutine read their arguments from the coroutine's stack.
@Suite struct CoroutineHostCallTests {
    /// ctx:finding inside a coroutine reports what the coroutine passed, not what sits on the main
    /// thread's stack (here a forged table handed to resume).
    @Test func ctxInsideACoroutineReadsItsOwnArguments() throws {
        let rule = """
            rule {
              id = "test.coroutine", title = { zh = "协程", en = "coroutine" }, category = "data_quality",
              references = { { standard = "test" } },
              evaluate = function(plant, ctx)
                local co = coroutine.create(function(forged)
                  ctx:finding { message = "from the coroutine " .. ediag.convert(1, "GWh", "kWh") }
                  print("printed")
                end)
                assert(coroutine.resume(co, { message = "forged" }))
              end,
            }
            """
        let runtime = try RuleRuntime(packs: [try PackFixture.pack(files: ["a.lua": rule])])
        let diagnosis = runtime.diagnose(try PackFixture.profile())
        #expect(diagnosis.outcomes.allSatisfy { $0.status != .failed }, "\(diagnosis.outcomes)")
        #expect(diagnosis.findings.map(\.message.en) == ["from the coroutine 1000000.0"])
    }
}

/// A module loaded lazily (inside evaluate) by a rule that runs out of budget while the module's top
/// level runs must still load for the next rule of the pack.
@Suite struct LazyModuleTests {
    @Test func moduleInterruptedByOneRuleLoadsForTheNext() throws {
        let module = "local n = 0\nfor i = 1, 300000 do n = n + 1 end\nreturn { count = n }\n"
        func rule(_ id: String, burn: Bool) -> String {
            """
            rule {
              id = "\(id)", title = { zh = "模块", en = "module" }, category = "data_quality",
              references = { { standard = "test" } },
              evaluate = function(plant, ctx)
                \(burn ? "for i = 1, 1500000 do end" : "")
                local helper = require("helper")
                ctx:finding { message = "count " .. helper.count }
              end,
            }
            """
        }
        let pack = try PackFixture.pack(files: ["lib/helper.lua": module, "a.lua": rule("test.a-burns", burn: true),
                                                "b.lua": rule("test.b-needs", burn: false)])
        var options = RuntimeOptions()
        options.limits = LuaLimits(memoryBytes: 8 << 20, instructions: 2_000_000, seconds: 2)
        let runtime = try RuleRuntime(packs: [pack], options: options)
        let diagnosis = runtime.diagnose(try PackFixture.profile())
        #expect(diagnosis.outcomes.first { $0.ruleID == "test.a-burns" }?.status == .failed)
        #expect(diagnosis.findings.filter { $0.ruleID == "test.b-needs" }.map(\.message.en) == ["count 300000"],
                "\(diagnosis.outcomes)")
    }
}

/// The bounds on C-level work refuse the pathological, not what rules ordinarily do.
@Suite struct OrdinaryWorkTests {
    /// Patterns, plain finds, string.rep, format and the Lua-written table functions on ordinary
    /// sizes all run.
    @Test func ordinaryStringAndTableWorkRuns() throws {
        let rule = """
            rule {
              id = "test.ordinary", title = { zh = "常规", en = "ordinary" }, category = "data_quality",
              references = { { standard = "test" } },
              evaluate = function(plant, ctx)
                local text = string.rep("kiln 12.5 t/h; ", 300)           -- 4 500 bytes
                local squeezed = text:gsub("%s+", " ")
                local year, month = ("2026-03-15"):match("^(%d%d%d%d)-(%d%d)")
                local balanced = ("f(" .. string.rep("x", 1000) .. ")"):find("%b()")
                local plain = text:find("t/h;", 1, true)
                -- Two repeats: the bound (n+1)^3 · m admits subjects of about 300 bytes (docs/security.md).
                local count = 0
                for _ in text:sub(1, 270):gmatch("%d+%.%d+") do count = count + 1 end
                local t = {}
                for i = 1, 1000 do table.insert(t, i) end
                table.insert(t, 1, 0)
                table.remove(t, 1)
                local moved = table.move(t, 1, #t, 1, {})
                ctx:finding { message = string.format("%d %s %s %d %d %d %d %s", #squeezed, year, month, balanced,
                  plain, count, #moved, tostring(moved[1000])) }
              end,
            }
            """
        let runtime = try RuleRuntime(packs: [try PackFixture.pack(files: ["a.lua": rule])])
        let diagnosis = runtime.diagnose(try PackFixture.profile())
        #expect(diagnosis.findings.map(\.message.en) == ["4500 2026 03 2 11 18 1000 1000"], "\(diagnosis.outcomes)")
    }
}

/// A rule that reads a field the schema does not define, or indexes a list by name, fails with the
/// path of the profile table it read (found from the table's number only when the message is made).
@Suite struct ProfilePathMessageTests {
    @Test(arguments: [
        ("plant.equipment[1].colour", "profile field 'colour' is not defined for motor (at equipment[1])"),
        ("plant.energy.electricity.colour", "profile field 'colour' is not defined for energy_use (at energy.electricity)"),
        ("plant.colour", "profile field 'colour' is not defined for profile (at profile)"),
        ("plant.process_units.first", "profile process_units is a list: index it with numbers or use ipairs, not '.first'"),
    ])
    func unknownFieldsNameTheirTable(_ read: String, _ expected: String) throws {
        let rule = """
            rule {
              id = "test.reads", title = { zh = "读", en = "reads" }, category = "data_quality",
              references = { { standard = "test" } },
              evaluate = function(plant, ctx) local x = \(read) end,
            }
            """
        let runtime = try RuleRuntime(packs: [try PackFixture.pack(files: ["a.lua": rule])])
        let detail = runtime.diagnose(try PackFixture.profile()).outcomes.first { $0.ruleID == "test.reads" }?.detail ?? ""
        #expect(detail.contains(expected), "\(detail)")
    }
}
