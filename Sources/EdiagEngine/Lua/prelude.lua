-- ediag sandbox prelude, rule API v1.
--
-- Runs once per Lua state, before any pack, with the real standard libraries. It builds what rules
-- see: frozen library tables, a strict and sealed environment per rule file, deterministic pairs,
-- capped string functions, and the `ediag` library. Rules never see this chunk's locals.
local H, host, schema_fields, carriers, api_version = ...

local type, next, error, select, tostring, tonumber = type, next, error, select, tostring, tonumber
local rawget, rawset, rawequal, rawlen = rawget, rawset, rawequal, rawlen
local setmetatable, getmetatable, pcall, xpcall, ipairs, assert = setmetatable, getmetatable, pcall, xpcall, ipairs, assert
local real_load = load
local sort, concat, unpack = table.sort, table.concat, table.unpack
local string, table, math, utf8, coroutine = string, table, math, utf8, coroutine
local srep, sfind, smatch, sgmatch, sgsub, sformat = string.rep, string.find, string.match, string.gmatch, string.gsub, string.format
local floor, huge = math.floor, math.huge
local rawmeta, make_proxy, pattern_cost, proxy_newindex = H.rawmeta, H.make_proxy, H.pattern_cost, H.proxy_newindex

local READONLY = "ediag: read-only"
local MAX_STRING = 4 * 1024 * 1024
local PATTERN_BUDGET = 2e8    -- steps of Lua's matcher, each a byte comparison or a backtrack
local PLAIN_FIND_BUDGET = 2e9 -- bytes memcmp may compare for one plain find
local MEMORY_ERROR = "not enough memory"
local frozen = setmetatable({}, { __mode = "k" })
local PATH = {} -- private key: the number of a profile table (see profile_path)

local function readonly_error(_, key)
  error("cannot modify a read-only table (field '" .. tostring(key) .. "')", 2)
end

---------------------------------------------------------------------------------------------------
-- Deterministic iteration

local type_rank = { boolean = 1, number = 2, string = 3 }

local function key_less(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then return type_rank[ta] < type_rank[tb] end
  if ta == "boolean" then return (not a) and b end
  return a < b
end

local function sorted_keys(t, skip)
  local keys = {}
  local n, first_type, mixed = 0, nil, false
  for k in next, t do
    if k ~= skip then
      local tk = type(k)
      if not type_rank[tk] then
        error("pairs: a key of type " .. tk .. " has no deterministic order; use string or number keys", 4)
      end
      if first_type == nil then first_type = tk elseif tk ~= first_type then mixed = true end
      n = n + 1
      keys[n] = k
    end
  end
  -- Keys of one type sort with Lua's own comparison (no Lua call per comparison).
  if mixed or first_type == "boolean" then sort(keys, key_less) else sort(keys) end
  return keys
end

local function ordered_iterator(t, skip)
  local keys = sorted_keys(t, skip)
  local n, i = #keys, 0
  return function()
    i = i + 1
    if i <= n then
      local k = keys[i]
      return k, t[k]
    end
  end
end

-- Read-only tables (frozen tables, profile tables) never change, so their key order is computed
-- once, and pairs on them returns a stateless iterator: no closure and no sort per loop. The order
-- is kept per proxy in a weak table, so the backing table never reaches a rule.
local proxy_order = setmetatable({}, { __mode = "k" })

local function ordered_next(proxy, key)
  local order = proxy_order[proxy]
  if order == nil then error("bad argument #1 to 'next' (not a table iterated with pairs)", 2) end
  local i = 1
  if key ~= nil then
    local at = order.index[key]
    if at == nil then error("invalid key to 'next'", 2) end
    i = at + 1
  end
  local k = order.keys[i]
  if k ~= nil then return k, order.raw[k] end
end

local function read_only_pairs(proxy, raw, skip)
  if proxy_order[proxy] == nil then
    local keys = sorted_keys(raw, skip)
    local index = {}
    for i = 1, #keys do index[keys[i]] = i end
    proxy_order[proxy] = { keys = keys, index = index, raw = raw }
  end
  return ordered_next, proxy, nil
end

--- pairs in sorted key order (numbers, then strings), so that outputs never depend on hash order.
local function sorted_pairs(t)
  local mt = rawmeta(t)
  if mt and mt.__pairs then
    return mt.__pairs(t)
  end
  if type(t) ~= "table" then
    error("bad argument #1 to 'pairs' (table expected, got " .. type(t) .. ")", 2)
  end
  return ordered_iterator(t), t, nil
end

---------------------------------------------------------------------------------------------------
-- Freezing

local function freeze(t)
  if frozen[t] then return t end
  local proxy = {}
  for k, v in next, t do
    if type(v) == "table" and not frozen[v] then rawset(t, k, freeze(v)) end
  end
  setmetatable(proxy, {
    __index = t,
    __newindex = readonly_error,
    __len = function() return rawlen(t) end,
    __pairs = function() return read_only_pairs(proxy, t) end,
    __metatable = READONLY,
  })
  frozen[proxy] = true
  return proxy
end

--- A frozen copy of a plain table (one level deep, values kept).
local function frozen_copy(t, drop)
  local copy = {}
  for k, v in next, t do
    if not (drop and drop[k]) then copy[k] = v end
  end
  return freeze(copy)
end

---------------------------------------------------------------------------------------------------
-- Capped string functions

-- The bound grows with the subject's length, so each pattern has a longest subject it may run on;
-- that length is found once per pattern (with the same bound) and each call compares against it.
local subject_limits, subject_limit_count = {}, 0
local SEARCH_END = 2 ^ 31

local function subject_limit(pattern)
  local fits = -1
  if pattern_cost(0, pattern) <= PATTERN_BUDGET then
    local low, high = 0, 1
    while high <= SEARCH_END and pattern_cost(high, pattern) <= PATTERN_BUDGET do low, high = high, high * 2 end
    if high > SEARCH_END then
      fits = huge
    else
      while high - low > 1 do
        local mid = (low + high) // 2
        if pattern_cost(mid, pattern) <= PATTERN_BUDGET then low = mid else high = mid end
      end
      fits = low
    end
  end
  if subject_limit_count >= 4096 then subject_limits, subject_limit_count = {}, 0 end
  subject_limits[pattern] = fits
  subject_limit_count = subject_limit_count + 1
  return fits
end

-- Raised from the string function (level 3: the rule's call).
local function refuse_pattern(fname, s, pattern)
  error(fname .. ": pattern too complex for a subject of " .. #s .. " bytes (estimated "
    .. sformat("%.3g", pattern_cost(#s, pattern)) .. " steps, budget " .. sformat("%.3g", PATTERN_BUDGET) .. ")", 3)
end

local function check_pattern(fname, s, pattern)
  if type(s) == "string" and type(pattern) == "string"
    and #s > (subject_limits[pattern] or subject_limit(pattern)) then
    refuse_pattern(fname, s, pattern)
  end
end

local safe_string = frozen_copy(string, { dump = true })
do
  local raw = rawmeta(safe_string).__index
  -- Strings and numbers are both accepted where Lua coerces; sizes are checked on what C will see.
  local function coerced_length(v)
    local tv = type(v)
    if tv == "string" then return #v end
    if tv == "number" then return #tostring(v) end
    return 0
  end
  raw.rep = function(s, n, sep)
    local count = tonumber(n)
    if count and count > 0 then
      local size = coerced_length(s) * count + (sep ~= nil and coerced_length(sep) * (count - 1) or 0)
      if size > MAX_STRING then
        error("string.rep: result of " .. sformat("%.0f", size) .. " bytes exceeds the limit of " .. MAX_STRING, 2)
      end
      -- An empty piece repeated 10^15 times allocates nothing but loops in C: bound the count too.
      if count > MAX_STRING then
        error("string.rep: " .. sformat("%.0f", count) .. " repetitions exceed the limit of " .. MAX_STRING, 2)
      end
    end
    return srep(s, n, sep)
  end
  raw.find = function(s, pattern, init, plain)
    if not plain then
      check_pattern("string.find", s, pattern)
    elseif type(s) == "string" and type(pattern) == "string" and (#s - #pattern + 1) * #pattern > PLAIN_FIND_BUDGET then
      -- memcmp at every start position: a long needle in a long subject is quadratic in C.
      error("string.find: a plain search for " .. #pattern .. " bytes in " .. #s .. " bytes is too costly", 2)
    end
    return sfind(s, pattern, init, plain)
  end
  -- %p prints an address and %s of a table its address: both differ from run to run.
  raw.format = function(fmt, ...)
    if type(fmt) == "string" then
      local at = sfind(fmt, "%", 1, true)
      while at do
        local _, last, conversion = sfind(fmt, "^%%[-+ #0]*%d*%.?%d*(.?)", at)
        if conversion == "p" then error("string.format: '%p' (an address) is not allowed in rules", 2) end
        at = sfind(fmt, "%", (last or at) + 1, true)
      end
    end
    local n = select("#", ...)
    local args = { ... }
    for i = 1, n do
      local tv = type(args[i])
      if tv ~= "string" and tv ~= "number" and tv ~= "boolean" and tv ~= "nil" then args[i] = tv end
    end
    return sformat(fmt, unpack(args, 1, n))
  end
  raw.match = function(s, pattern, init)
    if type(s) == "string" and type(pattern) == "string"
      and #s > (subject_limits[pattern] or subject_limit(pattern)) then
      refuse_pattern("string.match", s, pattern)
    end
    return smatch(s, pattern, init)
  end
  raw.gmatch = function(s, pattern, init)
    check_pattern("string.gmatch", s, pattern)
    return sgmatch(s, pattern, init)
  end
  raw.gsub = function(s, pattern, repl, n)
    check_pattern("string.gsub", s, pattern)
    return sgsub(s, pattern, repl, n)
  end
end
-- Strings index the safe table, and nobody can reach or change the string metatable.
do
  local string_meta = rawmeta("")
  string_meta.__index = safe_string
  string_meta.__metatable = READONLY
end

local safe_math = frozen_copy(math, { random = true, randomseed = true })
local safe_utf8 = frozen_copy(utf8)

---------------------------------------------------------------------------------------------------
-- Table functions that shift elements, written in Lua
--
-- The C versions loop over #t or an index range with raw accesses that run no instruction and
-- allocate nothing when the slots are empty (`table.move({}, 1, 1e15, 1, {})`, or a __len that
-- answers 10^15), so neither the instruction hook nor the allocator would ever stop them. Here
-- every element moved is a Lua instruction the hook counts.

local tointeger = math.tointeger

local function integer_argument(v, position, fname)
  local i = tointeger(tonumber(v) or v)
  if i == nil then
    error("bad argument #" .. position .. " to '" .. fname .. "' (number has no integer representation)", 3)
  end
  return i
end

local table_impl = {}
for k, v in next, table do table_impl[k] = v end

function table_impl.insert(t, ...)
  local n = select("#", ...)
  local last = #t + 1
  if n == 1 then
    t[last] = ...
    return
  end
  if n ~= 2 then error("wrong number of arguments to 'insert'", 2) end
  local pos, value = ...
  pos = integer_argument(pos, 2, "insert")
  if pos < 1 or pos > last then error("bad argument #2 to 'insert' (position out of bounds)", 2) end
  for i = last, pos + 1, -1 do t[i] = t[i - 1] end
  t[pos] = value
end

function table_impl.remove(t, pos)
  local size = #t
  if pos == nil then pos = size else pos = integer_argument(pos, 2, "remove") end
  if pos ~= size and (pos < 1 or pos > size + 1) then
    error("bad argument #2 to 'remove' (position out of bounds)", 2)
  end
  local value = t[pos]
  while pos < size do
    t[pos] = t[pos + 1]
    pos = pos + 1
  end
  t[pos] = nil
  return value
end

function table_impl.move(a1, f, e, t, a2)
  if a2 == nil then a2 = a1 end
  f, e, t = integer_argument(f, 2, "move"), integer_argument(e, 3, "move"), integer_argument(t, 4, "move")
  if e >= f then
    if f <= 0 and e >= math.maxinteger + f then error("bad argument #3 to 'move' (too many elements to move)", 2) end
    local n = e - f
    if t > math.maxinteger - n then error("bad argument #4 to 'move' (destination wrap around)", 2) end
    if t > e or t <= f or not rawequal(a1, a2) then
      for i = 0, n do a2[t + i] = a1[f + i] end
    else
      for i = n, 0, -1 do a2[t + i] = a1[f + i] end
    end
  end
  return a2
end

local safe_table = frozen_copy(table_impl)

---------------------------------------------------------------------------------------------------
-- Protected calls that cannot swallow the memory limit
--
-- The instruction and deadline limits are sticky in the hook. A refused allocation raises the
-- memory error once; these wrappers raise it again wherever a rule catches it, so it always
-- reaches the host.

local function rethrow_memory(ok, ...)
  if not ok and rawequal((...), MEMORY_ERROR) then error(MEMORY_ERROR, 0) end
  return ok, ...
end

local function rethrow_memory_from_load(fn, err)
  if fn == nil and rawequal(err, MEMORY_ERROR) then error(MEMORY_ERROR, 0) end
  return fn, err
end

local function safe_pcall(f, ...) return rethrow_memory(pcall(f, ...)) end
local function safe_xpcall(f, handler, ...) return rethrow_memory(xpcall(f, handler, ...)) end

local coroutine_impl = {}
for k, v in next, coroutine do coroutine_impl[k] = v end
local resume, close = coroutine.resume, coroutine.close
function coroutine_impl.resume(co, ...) return rethrow_memory(resume(co, ...)) end
function coroutine_impl.close(co) return rethrow_memory(close(co)) end
local safe_coroutine = frozen_copy(coroutine_impl)

---------------------------------------------------------------------------------------------------
-- Safe base functions

local function safe_setmetatable(t, mt)
  if type(mt) == "table" and rawget(mt, "__gc") ~= nil then
    error("setmetatable: finalizers (__gc) are not allowed in rules", 2)
  end
  if frozen[t] then error("setmetatable: cannot change a read-only table", 2) end
  local ok, result = pcall(setmetatable, t, mt)
  if not ok then error(result, 2) end
  return result
end

local function safe_rawset(t, k, v)
  if frozen[t] or getmetatable(t) == READONLY then
    error("rawset: cannot modify a read-only table", 2)
  end
  return rawset(t, k, v)
end

local function safe_tostring(v)
  -- Never runs a script's __tostring/__name from here: values print as their type.
  local tv = type(v)
  if tv == "string" or tv == "number" or tv == "boolean" or tv == "nil" then return tostring(v) end
  return tv
end

local function sandbox_print(...)
  local n = select("#", ...)
  local parts = {}
  for i = 1, n do parts[i] = safe_tostring((select(i, ...))) end
  host.print(concat(parts, "\t"))
end

local base = {
  assert = assert, error = error, ipairs = ipairs, next = next, pairs = sorted_pairs,
  pcall = safe_pcall, xpcall = safe_xpcall, rawequal = rawequal, rawget = rawget, rawlen = rawlen,
  rawset = safe_rawset, select = select, setmetatable = safe_setmetatable, getmetatable = getmetatable,
  tonumber = tonumber, tostring = safe_tostring, type = type, print = sandbox_print,
  _VERSION = _VERSION,
  string = safe_string, table = safe_table, math = safe_math, utf8 = safe_utf8, coroutine = safe_coroutine,
}

---------------------------------------------------------------------------------------------------
-- Profile proxies (built by the host; these are their shared metatables)

local proxy_template = {
  __newindex = H.proxy_newindex,
  __len = H.proxy_len,
  __pairs = function(proxy)
    return read_only_pairs(proxy, rawmeta(proxy).__index, PATH)
  end,
  __metatable = READONLY,
}

-- A profile table keeps its number under PATH; the host finds its path only for a message.
local function profile_path(raw, default)
  local number = rawget(raw, PATH)
  return number ~= nil and host.profile_path(number) or default
end

local function profile_type_meta(type_name, known)
  return {
    __index = function(raw, key)
      if known[key] then return nil end
      local path = profile_path(raw, "profile")
      if type(key) ~= "string" then
        error("profile " .. path .. " (" .. type_name .. ") has no entry " .. tostring(key), 2)
      end
      error("profile field '" .. key .. "' is not defined for " .. type_name .. " (at " .. path
        .. "); see docs/profile.md", 2)
    end,
  }
end

local type_meta = {}
for type_name, fields in next, schema_fields do
  local known = {}
  for i = 1, #fields do known[fields[i]] = true end
  type_meta[type_name] = profile_type_meta(type_name, known)
end
local list_meta = {
  __index = function(raw, key)
    if type(key) == "number" then return nil end
    error("profile " .. profile_path(raw, "list") .. " is a list: index it with numbers or use ipairs, not '."
      .. tostring(key) .. "'", 2)
  end,
}

---------------------------------------------------------------------------------------------------
-- The ediag library

local current_date = "0000-00-00"

-- Frozen: the same carrier tables are handed to every plugin, so none may change what another sees.
local carrier_info = {}
for id, c in next, carriers do carrier_info[id] = freeze(c) end

local function number_or_quantity(x, what)
  if type(x) == "number" then return x end
  error(what .. ": expected a number, got " .. type(x), 3)
end

-- The items of a profile list by type, made once per plant for every plugin: profile lists never
-- change, so the index is kept (weakly) per list; a list a rule made itself is scanned each time.
local by_type = setmetatable({}, { __mode = "k" })

local function make_library(pack)
  local lib = {}
  lib.api_version = api_version

  --- ediag.q(value, unit): a quantity with its unit, for outputs.
  function lib.q(value, unit)
    if type(value) ~= "number" then error("ediag.q: value must be a number, got " .. type(value), 2) end
    if type(unit) ~= "string" then error("ediag.q: unit must be a string", 2) end
    return { value = value, unit = unit }
  end

  --- ediag.convert(value, from, to): unit conversion (e.g. GWh to kWh).
  function lib.convert(value, from, to)
    return host.convert(number_or_quantity(value, "ediag.convert"), from, to)
  end

  --- ediag.carrier(id): unit, coal-equivalent and CO2 coefficients of an energy carrier.
  function lib.carrier(id)
    local c = carrier_info[id]
    if not c then error("ediag.carrier: unknown energy carrier '" .. tostring(id) .. "'", 2) end
    return c
  end

  --- ediag.tce(amount, carrier): tonnes of coal equivalent of an amount in the carrier's unit.
  function lib.tce(amount, carrier)
    return number_or_quantity(amount, "ediag.tce") * lib.carrier(carrier).kgce_per_unit / 1000
  end

  --- ediag.co2(amount, carrier): tonnes of CO2 of an amount in the carrier's unit (default factors).
  function lib.co2(amount, carrier)
    return number_or_quantity(amount, "ediag.co2") * lib.carrier(carrier).kgco2_per_unit / 1000
  end

  local function of_type(list, type_name)
    local out = {}
    if list == nil then return out end
    local index = by_type[list]
    if index == nil then
      local mt = rawmeta(list)
      if not (mt and mt.__newindex == proxy_newindex) then
        for _, item in ipairs(list) do
          if item.type == type_name then out[#out + 1] = item end
        end
        return out
      end
      index = {}
      for _, item in ipairs(list) do
        local t = item.type
        if t ~= nil then
          local bucket = index[t]
          if bucket == nil then bucket = {}; index[t] = bucket end
          bucket[#bucket + 1] = item
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

  --- ediag.units(plant, type): the process units of a type, in profile order.
  function lib.units(plant, type_name)
    return of_type(plant.process_units, type_name)
  end

  --- ediag.equipment(plant, type): the equipment items of a type, in profile order.
  function lib.equipment(plant, type_name)
    return of_type(plant.equipment, type_name)
  end

  --- ediag.implemented(plant, measure, subject): whether the profile lists the measure as done.
  function lib.implemented(plant, measure, subject)
    local list = plant.measures_implemented
    if list == nil then return false end
    for _, m in ipairs(list) do
      if m.measure == measure and (subject == nil or m.subject == nil or m.subject == subject) then
        return true
      end
    end
    return false
  end

  --- ediag.data(id): a data table shipped by this pack or one it depends on.
  function lib.data(id)
    local t = pack.data[id]
    if t == nil then error("ediag.data: no data table '" .. tostring(id) .. "' in pack " .. pack.name, 2) end
    return t
  end

  -- Each edition's rows with their match conditions as plain arrays, made on first use and kept
  -- (data tables never change). A conjunction does not depend on order: the frozen table's
  -- backing table is walked directly.
  local edition_rows = setmetatable({}, { __mode = "k" })

  local function rows_of(edition)
    local rows = edition_rows[edition]
    if rows ~= nil then return rows end
    rows = {}
    for i, row in ipairs(edition.rows) do
      local keys, values = {}, {}
      local m = row.match
      if m ~= nil then
        local mt = rawmeta(m)
        for k, v in next, (mt and mt.__index or m) do
          keys[#keys + 1] = k
          values[#values + 1] = v
        end
      end
      rows[i] = { row = row, keys = keys, values = values, n = #keys }
    end
    -- Rows are found through one key that every row's match names (the one with the most distinct
    -- values): rows[value] lists, in row order, the rows with that value, so a lookup checks only
    -- those. Table keys compare as == does (2 and 2.0 are one key); a NaN equals nothing.
    local count = {}
    for _, entry in ipairs(rows) do
      for j = 1, entry.n do count[entry.keys[j]] = (count[entry.keys[j]] or 0) + 1 end
    end
    local best, best_distinct = nil, 1
    for key, n in next, count do
      if n == #rows then
        local distinct, seen = 0, {}
        for _, entry in ipairs(rows) do
          for j = 1, entry.n do
            local v = entry.values[j]
            if entry.keys[j] == key and v == v and not seen[v] then seen[v] = true; distinct = distinct + 1 end
          end
        end
        if distinct > best_distinct or (distinct == best_distinct and best ~= nil and key_less(key, best)) then
          best, best_distinct = key, distinct
        end
      end
    end
    if best ~= nil then
      local by_value = {}
      for _, entry in ipairs(rows) do
        for j = 1, entry.n do
          local v = entry.values[j]
          if entry.keys[j] == best and v == v then
            local list = by_value[v]
            if list == nil then list = {}; by_value[v] = list end
            list[#list + 1] = entry
          end
        end
      end
      rows.key, rows.by_value = best, by_value
    end
    edition_rows[edition] = rows
    return rows
  end

  local function row_matches(entry, match)
    local keys, values = entry.keys, entry.values
    for j = 1, entry.n do
      if match == nil or match[keys[j]] ~= values[j] then return false end
    end
    return true
  end

  local NO_ROWS = {}

  local function edition_row(table_def, edition, match)
    local rows = rows_of(edition)
    if rows.key ~= nil then
      local value = nil
      if match ~= nil then value = match[rows.key] end
      if value ~= nil and value == value then rows = rows.by_value[value] or NO_ROWS else rows = NO_ROWS end
    end
    for _, entry in ipairs(rows) do
      if row_matches(entry, match) then
        local row = entry.row
        return {
          table = table_def.id, title = table_def.title, unit = table_def.unit, better = table_def.better or "lower",
          standard = edition.standard, effective = edition.effective, replaces = edition.replaces,
          grade1 = row.grades[1] or false, grade2 = row.grades[2] or false, grade3 = row.grades[3] or false,
          benchmark = row.benchmark, baseline = row.baseline,
          source = row.source or edition.source, confidence = row.confidence or edition.confidence,
        }
      end
    end
    return nil
  end

  --- ediag.limits(table_id, match, date): the limit row in force on `date` (default: the
  --- assessment date) and the next edition published but not yet in force, if any.
  function lib.limits(id, match, date)
    local table_def = pack.data[id]
    if table_def == nil or table_def.editions == nil then
      error("ediag.limits: no limit table '" .. tostring(id) .. "' in pack " .. pack.name, 2)
    end
    date = date or current_date
    local in_force, upcoming
    for _, edition in ipairs(table_def.editions) do
      if edition.effective <= date then
        if in_force == nil or edition.effective > in_force.effective then in_force = edition end
      elseif upcoming == nil or edition.effective < upcoming.effective then
        upcoming = edition
      end
    end
    local result = {}
    if in_force then result.current = edition_row(table_def, in_force, match) end
    if upcoming then result.upcoming = edition_row(table_def, upcoming, match) end
    return result
  end

  --- ediag.grade(value, g1, g2, g3, better): "grade_1" … "grade_3" or "not_met" (thresholds as published).
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

  --- ediag.year(date): the year of a `YYYY-MM-DD` date.
  function lib.year(date)
    return tonumber(smatch(date or current_date, "^(%d%d%d%d)"))
  end

  --- ediag.round(x, decimals)
  function lib.round(x, decimals)
    local f = 10 ^ (decimals or 0)
    if x >= 0 then return floor(x * f + 0.5) / f end
    return -floor(-x * f + 0.5) / f
  end

  lib.finance = {}
  --- Present value of 1 yuan a year for n years at rate r.
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

  return freeze(lib)
end

---------------------------------------------------------------------------------------------------
-- The rule context (one per state; the host knows which rule and plant are running)

-- The methods are host functions themselves (no Lua frame in between), so an error they raise
-- points at the rule's own line. They accept both ctx:method{…} and ctx.method{…}.
local ctx = freeze({
  finding = host.finding,
  compliance = host.compliance,
  recommend = host.recommend,
  not_applicable = host.not_applicable,
  insufficient_data = host.insufficient_data,
})

---------------------------------------------------------------------------------------------------
-- Environments, modules and rules

local function strict_missing(_, key)
  error("undefined global '" .. tostring(key) .. "'", 2)
end

local function fill_base(env, pack, require)
  for k, v in next, base do rawset(env, k, v) end
  rawset(env, "ediag", pack.library)
  rawset(env, "load", function(chunk, name, _, chunk_env)
    if type(chunk) ~= "string" then return nil, "load: only text chunks are accepted" end
    -- A name starting with '@' or '=' would pass the chunk off as a file (errors are blamed on files).
    local chunkname = "=(load)"
    if type(name) == "string" then chunkname = "=(load) " .. name end
    -- load reports a failure as (nil, message): a memory error must still reach the host.
    return rethrow_memory_from_load(real_load(chunk, chunkname, "t", chunk_env or env))
  end)
  rawset(env, "require", require or pack.require)
  return env
end

local function new_env(pack)
  local env = fill_base({}, pack)
  return setmetatable(env, { __index = strict_missing })
end

--- After a file's top level has run, its globals are fixed: rules may read them but never change
--- them, so nothing one plant's evaluation does is seen by the next.
local function seal_env(env)
  local backing = {}
  for k, v in next, env do backing[k] = v end
  for k in next, backing do rawset(env, k, nil) end
  setmetatable(backing, { __index = strict_missing })
  setmetatable(env, {
    __index = backing,
    __newindex = function(_, key)
      error("rules cannot set global '" .. tostring(key) .. "' while evaluating; use a local", 2)
    end,
    __metatable = READONLY,
  })
end

local packs_by_name = {}

-- Counts the host's calls into rules (file loads and evaluations). A module marks itself as loading
-- with the call it loads in: a call that ran out of budget half-way through a module's top level can
-- clear nothing (every instruction fails), so a mark from an earlier call must not count.
local run_id = 0

--- A require function for plugin `root` resolving names in `view`'s modules. A module runs in the
--- environment of the plugin that owns it (its library, its data, its dependencies' modules), so it
--- works the same whoever requires it; the instance is kept in `root`, so module state is never
--- shared between plugins.
local function make_require(root, view)
  return function(module_name)
    local chunk = view.modules[module_name]
    if chunk == nil then
      error("module '" .. tostring(module_name) .. "' not found in pack " .. view.name .. " (or the packs it depends on)", 2)
    end
    local owner = packs_by_name[chunk.owner] or view
    local key = owner.name .. "\0" .. module_name
    local cached = root.loaded[key]
    if cached ~= nil then return cached end
    if root.loading[key] == run_id then error("module '" .. module_name .. "' requires itself", 2) end
    root.loading[key] = run_id
    local env = setmetatable(fill_base({}, owner, make_require(root, owner)), { __index = strict_missing })
    local fn, err = real_load(chunk.source, chunk.chunkname, "t", env)
    if not fn then error(err, 0) end
    local result = fn()
    seal_env(env)
    if result == nil then result = true end
    if type(result) == "table" then result = freeze(result) end
    root.loaded[key] = result
    root.loading[key] = nil
    return result
  end
end

local function new_pack(name, data, modules)
  local pack = { name = name, data = freeze(data), modules = modules, loaded = {}, loading = {} }
  pack.library = make_library(pack)
  pack.require = make_require(pack, pack)
  packs_by_name[name] = pack
  return pack
end

local function run_file(pack, source, chunkname)
  run_id = run_id + 1
  local env = new_env(pack)
  rawset(env, "rule", host.register)
  local fn, err = real_load(source, chunkname, "t", env)
  if not fn then error(err, 0) end
  fn()
  seal_env(env)
end

local function run_rule(def, plant, params, date, tracing)
  run_id = run_id + 1
  current_date = date
  local applies = rawget(def, "applies")
  if applies ~= nil then
    local ok, reason = applies(plant, ctx, params)
    if tracing then host.applicability(ok and true or false, reason) end
    if not ok then
      -- A plain reason goes back as the call's result (no host call); anything else is checked by the host.
      if reason == nil then return "the rule's applicability test is false" end
      if type(reason) == "string" then return reason end
      host.not_applicable(reason)
      return
    end
  end
  rawget(def, "evaluate")(plant, ctx, params)
end

return {
  path_key = PATH,
  type_meta = type_meta,
  list_meta = list_meta,
  proxy_template = proxy_template,
  new_pack = new_pack,
  run_file = run_file,
  run_rule = run_rule,
  freeze = freeze,
}
