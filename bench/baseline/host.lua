-- The smallest host API that ediag's rules call, in plain Lua: the baseline the benchmark compares
-- ediag's evaluation phase with (docs/performance.md). No sandbox, no proxies, no limits, no
-- valuation: `ctx` methods only record what they are given, the `ediag` library does what the
-- rules need and nothing else. Written for the benchmark; not used by ediag itself.
local host = {}

local function library(pack, carriers, state)
  local lib = {}
  function lib.q(value, unit) return { value = value, unit = unit } end
  function lib.carrier(id)
    local c = carriers[id]
    if not c then error("unknown energy carrier " .. tostring(id), 2) end
    return c
  end
  function lib.tce(amount, carrier) return amount * lib.carrier(carrier).kgce_per_unit / 1000 end
  function lib.co2(amount, carrier) return amount * lib.carrier(carrier).kgco2_per_unit / 1000 end
  function lib.convert() error("ediag.convert is not part of the baseline", 2) end
  -- The same lookups as ediag's library (the ratio measures the sandbox and the host, not a
  -- difference in algorithms): a profile list indexed by type once, limit rows by one key.
  local by_type = setmetatable({}, { __mode = "k" })
  local function of_type(list, type_name)
    local out = {}
    if list == nil then return out end
    local index = by_type[list]
    if index == nil then
      index = {}
      for _, item in ipairs(list) do
        local t = item.type
        if t ~= nil then
          index[t] = index[t] or {}
          index[t][#index[t] + 1] = item
        end
      end
      by_type[list] = index
    end
    local bucket = index[type_name]
    if bucket ~= nil then
      for i = 1, #bucket do out[i] = bucket[i] end
    end
    return out
  end
  function lib.units(plant, type_name) return of_type(plant.process_units, type_name) end
  function lib.equipment(plant, type_name) return of_type(plant.equipment, type_name) end
  function lib.implemented(plant, measure, subject)
    local list = plant.measures_implemented
    if list == nil then return false end
    for _, m in ipairs(list) do
      if m.measure == measure and (subject == nil or m.subject == nil or m.subject == subject) then return true end
    end
    return false
  end
  function lib.data(id)
    local t = pack.data[id]
    if t == nil then error("no data table " .. tostring(id), 2) end
    return t
  end
  local function matches(row, match)
    if row.match == nil then return true end
    for k, v in pairs(row.match) do
      if match == nil or match[k] ~= v then return false end
    end
    return true
  end
  -- Rows by the value of one key every row's match names (the one with the most distinct values).
  local indexed = {}
  local NONE = {}
  local function rows_for(edition, match)
    local index = indexed[edition]
    if index == nil then
      local count, rows = {}, edition.rows
      for _, row in ipairs(rows) do
        for k in pairs(row.match or NONE) do count[k] = (count[k] or 0) + 1 end
      end
      local best, best_distinct = nil, 1
      for k, n in pairs(count) do
        if n == #rows then
          local seen, distinct = {}, 0
          for _, row in ipairs(rows) do
            local v = row.match[k]
            if v == v and not seen[v] then seen[v] = true; distinct = distinct + 1 end
          end
          if distinct > best_distinct or (distinct == best_distinct and best ~= nil and tostring(k) < tostring(best)) then
            best, best_distinct = k, distinct
          end
        end
      end
      index = { key = best, by_value = {} }
      if best ~= nil then
        for _, row in ipairs(rows) do
          local v = row.match[best]
          if v == v then
            index.by_value[v] = index.by_value[v] or {}
            index.by_value[v][#index.by_value[v] + 1] = row
          end
        end
      end
      indexed[edition] = index
    end
    if index.key == nil then return edition.rows end
    local v = match ~= nil and match[index.key]
    if v == nil or v ~= v then return NONE end
    return index.by_value[v] or NONE
  end
  local function row_of(def, edition, match)
    for _, row in ipairs(rows_for(edition, match)) do
      if matches(row, match) then
        return {
          table = def.id, title = def.title, unit = def.unit, better = def.better or "lower",
          standard = edition.standard, effective = edition.effective, replaces = edition.replaces,
          grade1 = row.grades[1] or false, grade2 = row.grades[2] or false, grade3 = row.grades[3] or false,
          benchmark = row.benchmark, baseline = row.baseline,
          source = row.source or edition.source, confidence = row.confidence or edition.confidence,
        }
      end
    end
  end
  function lib.limits(id, match, date)
    local def = pack.data[id]
    date = date or state.date
    local in_force, upcoming
    for _, edition in ipairs(def.editions) do
      if edition.effective <= date then
        if in_force == nil or edition.effective > in_force.effective then in_force = edition end
      elseif upcoming == nil or edition.effective < upcoming.effective then
        upcoming = edition
      end
    end
    local result = {}
    if in_force then result.current = row_of(def, in_force, match) end
    if upcoming then result.upcoming = row_of(def, upcoming, match) end
    return result
  end
  function lib.grade(value, g1, g2, g3, better)
    local function ok(limit)
      if not limit then return false end
      if better == "higher" then return value >= limit end
      return value <= limit
    end
    if ok(g1) then return "grade_1" end
    if ok(g2) then return "grade_2" end
    if ok(g3) then return "grade_3" end
    return "not_met"
  end
  function lib.year(date) return tonumber(string.match(date or state.date, "^(%d%d%d%d)")) end
  function lib.round(x, decimals)
    local f = 10 ^ (decimals or 0)
    if x >= 0 then return math.floor(x * f + 0.5) / f end
    return -math.floor(-x * f + 0.5) / f
  end
  lib.finance = {}
  function lib.finance.annuity(r, n)
    if r == 0 then return n end
    return (1 - (1 + r) ^ (-n)) / r
  end
  function lib.finance.crf(r, n) return 1 / lib.finance.annuity(r, n) end
  function lib.finance.payback(investment, annual)
    if annual <= 0 then return nil end
    return investment / annual
  end
  function lib.finance.npv(investment, annual, r, n) return -investment + annual * lib.finance.annuity(r, n) end
  return lib
end

local function read(path)
  local f = assert(io.open(path, "r"))
  local text = f:read("a")
  f:close()
  return text
end

--- Loads every pack's modules and rule files; returns the rules sorted by id and the shared state.
function host.load(workload)
  local state = { date = "0000-00-00", calls = {} }
  local rules = {}
  for _, p in ipairs(workload.packs) do
    local pack = { data = p.data, loaded = {} }
    local env = setmetatable({}, { __index = _G })
    env.ediag = library(pack, workload.carriers, state)
    env.require = function(name)
      local cached = pack.loaded[name]
      if cached ~= nil then return cached end
      local chunk = assert(load(read(p.modules[name]), "@" .. p.modules[name], "t", env))
      local result = chunk()
      if result == nil then result = true end
      pack.loaded[name] = result
      return result
    end
    env.rule = function(def)
      local params = {}
      for name, spec in pairs(def.parameters or {}) do params[name] = spec.default end
      rules[#rules + 1] = { id = def.id, def = def, params = params }
      return def
    end
    for _, path in ipairs(p.rule_files) do
      assert(load(read(path), "@" .. path, "t", env))()
    end
  end
  table.sort(rules, function(a, b) return a.id < b.id end)
  return rules, state
end

--- A context whose methods only count and keep what they are given.
function host.context(state)
  local ctx = {}
  for _, name in ipairs({ "finding", "compliance", "recommend", "not_applicable", "insufficient_data" }) do
    ctx[name] = function(self, t)
      if self ~= ctx then t = self end
      state.calls[name] = (state.calls[name] or 0) + 1
      state.last = t
    end
  end
  return ctx
end

--- Runs every rule on one plant, as ediag does: applicability first, each rule protected.
function host.diagnose(rules, ctx, state, plant, date)
  state.date = date
  local failed = 0
  for i = 1, #rules do
    local r = rules[i]
    local ok = pcall(function()
      local applies = r.def.applies
      if applies ~= nil then
        local yes = applies(plant, ctx, r.params)
        if not yes then ctx.not_applicable(ctx, {}) return end
      end
      r.def.evaluate(plant, ctx, r.params)
    end)
    if not ok then failed = failed + 1 end
  end
  return failed
end

return host
