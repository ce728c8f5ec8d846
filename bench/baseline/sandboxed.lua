-- lua5.4 bench/baseline/sandboxed.lua PRELUDE WORKLOAD.lua REPEATS
--
-- The plain-Lua baseline again, but with ediag's own prelude (Sources/EdiagEngine/Lua/prelude.lua)
-- building the sandbox: frozen libraries and data, sealed environments, sorted pairs, capped string
-- functions, read-only profile proxies. Nothing of the Swift host runs: the prelude's C helpers are
-- written in Lua below, `ctx` methods only count their calls, the profile's strict-field check is a
-- function that returns nil. So `ediag bench` can split ediag's evaluation time into what plain Lua
-- needs, what the sandbox's Lua-side structure adds, and what the host adds (docs/performance.md).
-- Prints the same lines as run.lua (median of REPEATS passes, process CPU time).
-- With PROFILE=1 it also samples every 100 VM instructions and prints the functions most often seen
-- (file:line where each is defined), the quickest way to see what a rule pack spends its time on.
local prelude_path, workload_path, repeats = arg[1], arg[2], tonumber(arg[3] or "5")
local workload = dofile(workload_path)
local getmeta = debug.getmetatable
-- The prelude puts its capped string table behind the string metatable: the helpers below use the
-- real functions, as the C helpers do.
local ssub, sbyte = string.sub, string.byte

local H = {}
function H.rawmeta(o) return getmeta(o) end
function H.make_proxy(raw, template)
  local meta = {}
  for k, v in next, template do meta[k] = v end
  meta.__index = raw
  return setmetatable({}, meta)
end
-- The host's bound on a pattern's work, as the C helper computes it (a %f frontier set counts here
-- as plain items: an estimate for the benchmark, not the sandbox's check).
function H.pattern_cost(n, p)
  local repeats, optionals, i, len = 0, 0, 1, #p
  if ssub(p, 1, 1) == "^" then i = 2 end
  while i <= len do
    local c, nxt = ssub(p, i, i), nil
    if c == "%" then
      local d = sbyte(p, i + 1) or 0
      if d == 98 then nxt = i + 4; repeats = repeats + 1          -- %b
      elseif d >= 49 and d <= 57 then nxt = i + 2; repeats = repeats + 1 -- %1-%9
      else nxt = i + 2 end
    elseif c == "[" then
      nxt = i + 1
      if ssub(p, nxt, nxt) == "^" then nxt = nxt + 1 end
      nxt = nxt + 1
      while nxt <= len and ssub(p, nxt, nxt) ~= "]" do
        if ssub(p, nxt, nxt) == "%" then nxt = nxt + 1 end
        nxt = nxt + 1
      end
      nxt = nxt + 1
    elseif c ~= "(" and c ~= ")" then
      nxt = i + 1
    end
    if nxt == nil then
      i = i + 1
    else
      local q = ssub(p, nxt, nxt)
      if q == "*" or q == "+" or q == "-" then repeats = repeats + 1; nxt = nxt + 1
      elseif q == "?" then optionals = optionals + 1; nxt = nxt + 1 end
      i = nxt
    end
  end
  return (math.max(n, 0) + 1.0) ^ (repeats + 1) * 2 ^ optionals * math.max(len, 1)
end
function H.proxy_len(proxy) return rawlen(getmeta(proxy).__index) end
function H.proxy_newindex(_, key) error("the plant profile is read-only: cannot set field '" .. tostring(key) .. "'", 2) end

local calls, registered = {}, {}
local host = {}
for _, name in ipairs({ "finding", "compliance", "recommend", "not_applicable", "insufficient_data" }) do
  host[name] = function() calls[name] = (calls[name] or 0) + 1 end
end
function host.register(def) registered[#registered + 1] = def return def end
function host.print() end
function host.convert() error("ediag.convert is not part of the baseline", 2) end
function host.applicability() end
function host.profile_path() return nil end

local function read(path)
  local f = assert(io.open(path, "r"))
  local text = f:read("a")
  f:close()
  return text
end

local P = assert(load(read(prelude_path), "=ediag-prelude", "t"))(H, host, {}, workload.carriers, "1.0")
-- Every pack sees every pack's modules and data (a superset of its dependencies: enough to run).
for _, p in ipairs(workload.packs) do
  local modules, data = {}, {}
  for _, q in ipairs(workload.packs) do
    for name, path in pairs(q.modules) do
      if modules[name] == nil or q == p then modules[name] = { source = read(path), chunkname = "@" .. path, owner = q.name } end
    end
    for id, t in pairs(q.data) do
      if data[id] == nil or q == p then data[id] = t end
    end
  end
  local pack = P.new_pack(p.name, data, modules)
  for _, path in ipairs(p.rule_files) do P.run_file(pack, read(path), "@" .. path) end
end
table.sort(registered, function(a, b) return a.id < b.id end)
local params = {}
for i, def in ipairs(registered) do
  local t = {}
  for name, spec in pairs(def.parameters or {}) do t[name] = spec.default end
  params[i] = P.freeze(t)
end

-- Profile proxies as the host builds them: a backing table with the schema's metatable, its number
-- under the private key, behind an empty read-only proxy.
local object_meta = { __index = function() return nil end }
local function proxy(t, counter)
  local raw = {}
  local number = counter.n
  counter.n = counter.n + 1
  for k, v in next, t do
    if type(v) == "table" then raw[k] = proxy(v, counter) else raw[k] = v end
  end
  raw[P.path_key] = number
  setmetatable(raw, #t > 0 and P.list_meta or object_meta)
  return H.make_proxy(raw, P.proxy_template)
end

local times, failed = {}, 0
for r = 1, repeats do
  calls, failed = {}, 0
  local samples = {}
  if os.getenv("PROFILE") and r == 1 then
    debug.sethook(function()
      local info = debug.getinfo(2, "S")
      local key = info.short_src .. ":" .. info.linedefined
      samples[key] = (samples[key] or 0) + 1
    end, "", 100)
  end
  local start = os.clock()
  for i = 1, #workload.plants do
    local plant = proxy(workload.plants[i].root, { n = 0 })
    local date = workload.plants[i].date
    for j = 1, #registered do
      local ok, result = pcall(P.run_rule, registered[j], plant, params[j], date, false)
      if not ok then failed = failed + 1
      elseif type(result) == "string" then calls.not_applicable = (calls.not_applicable or 0) + 1 end
    end
  end
  times[r] = os.clock() - start
  debug.sethook()
  if next(samples) then
    local list, total = {}, 0
    for k, v in pairs(samples) do list[#list + 1] = { k, v }; total = total + v end
    table.sort(list, function(a, b) if a[2] ~= b[2] then return a[2] > b[2] end return a[1] < b[1] end)
    for k = 1, math.min(30, #list) do io.stderr:write(string.format("%6.2f %%  %s\n", list[k][2] * 100 / total, list[k][1])) end
  end
end
table.sort(times)
print(string.format("rules %d", #registered))
print(string.format("plants %d", #workload.plants))
print(string.format("evaluation_seconds %.9f", times[(repeats + 1) // 2]))
local names = {}
for name in pairs(calls) do names[#names + 1] = name end
table.sort(names)
for _, name in ipairs(names) do print(string.format("calls.%s %d", name, calls[name])) end
print(string.format("rule_failures %d", failed))
