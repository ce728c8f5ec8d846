-- lua5.4 bench/baseline/run.lua WORKLOAD.lua REPEATS
-- Prints one line per measure: `evaluation_seconds <median>`, call counts, rule failures.
local here = arg[0]:match("^(.*)/[^/]*$") or "."
local host = dofile(here .. "/host.lua")
local workload = dofile(arg[1])
local repeats = tonumber(arg[2] or "5")
local rules, state = host.load(workload)
local ctx = host.context(state)
local plants = workload.plants

local times, failed = {}, 0
for r = 1, repeats do
  state.calls = {}
  failed = 0
  local start = os.clock()
  for i = 1, #plants do
    failed = failed + host.diagnose(rules, ctx, state, plants[i].root, plants[i].date)
  end
  times[r] = os.clock() - start
end
table.sort(times)
print(string.format("rules %d", #rules))
print(string.format("plants %d", #plants))
print(string.format("evaluation_seconds %.9f", times[(repeats + 1) // 2]))
local names = {}
for name in pairs(state.calls) do names[#names + 1] = name end
table.sort(names)
for _, name in ipairs(names) do print(string.format("calls.%s %d", name, state.calls[name])) end
print(string.format("rule_failures %d", failed))
