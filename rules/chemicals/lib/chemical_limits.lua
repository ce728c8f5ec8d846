-- Grading a chemical process unit against a limit table: pick the row the unit's selectors
-- (grade, route, feedstock, process …) point at, ask for the measured indicator, apply the
-- edition's corrections, and hand the result to ctx:compliance.

local chemical_limits = {}

--- The profile path of a field of a process unit.
function chemical_limits.field(unit, name)
  return "process_units[" .. unit.id .. "]." .. name
end

--- The process units of a type; reports "not applicable" for the whole rule when there are none.
function chemical_limits.units_or_not_applicable(plant, ctx, type_name)
  local units = ediag.units(plant, type_name)
  if #units == 0 then
    ctx:not_applicable("the profile lists no " .. type_name .. " process unit")
  end
  return units
end

--- The edition of a limit table a row from ediag.limits came from (nil for no row).
function chemical_limits.edition_of(table_id, row)
  if row == nil then return nil end
  for _, edition in ipairs(ediag.data(table_id).editions) do
    if edition.standard == row.standard and edition.effective == row.effective then return edition end
  end
  error("limit table " .. table_id .. " has no edition " .. row.standard)
end

local function row_matches(row, match)
  if row.match == nil then return true end
  for key, value in pairs(row.match) do
    if match[key] ~= value then return false end
  end
  return true
end

--- Whether any edition of the table has a row for this selection (the standard covers the product).
local function standard_covers(table_id, match)
  for _, edition in ipairs(ediag.data(table_id).editions) do
    for _, row in ipairs(edition.rows) do
      if row_matches(row, match) then return true end
    end
  end
  return false
end

local function describe(match)
  local parts = {}
  for key, value in pairs(match) do parts[#parts + 1] = key .. " = " .. tostring(value) end
  return table.concat(parts, ", ")
end

--- Grades every unit of a type on one indicator. `spec`:
---   type      process-unit type
---   table     limit table id
---   indicator field holding the measured value (e.g. "comprehensive_energy")
---   selectors list of {field = unit field, default = value when absent (optional)} naming the row
---   missing   {en = …, zh = …} what to measure when the indicator is absent
---   correct   optional function(plant, unit, edition, row) → thresholds {g1, g2, g3}, evidence
function chemical_limits.grade_units(plant, ctx, spec)
  for _, unit in ipairs(chemical_limits.units_or_not_applicable(plant, ctx, spec.type)) do
    local match, needs = {}, {}
    for _, selector in ipairs(spec.selectors or {}) do
      local value = unit[selector.field]
      if value == nil then value = selector.default end
      if value == nil then
        needs[#needs + 1] = chemical_limits.field(unit, selector.field)
      else
        match[selector.field] = value
      end
    end
    local value = unit[spec.indicator]
    if value == nil then needs[#needs + 1] = chemical_limits.field(unit, spec.indicator) end

    if unit.output ~= nil and unit.output == 0 then
      ctx:not_applicable { subject = unit.id, reason = "the unit made no product over the period (output 0)" }
    elseif #needs > 0 then
      ctx:insufficient_data { subject = unit.id, needs = needs, message = value == nil and spec.missing or nil }
    elseif not standard_covers(spec.table, match) then
      ctx:not_applicable { subject = unit.id, reason = "the limit table " .. spec.table .. " has no row for "
        .. describe(match) .. " (the standard's other product types are not carried by ediag)" }
    else
      local limits = ediag.limits(spec.table, match)
      local call = {
        subject = unit.id,
        value = value,
        limits = limits,
        output = unit.output,
        source = chemical_limits.field(unit, spec.indicator),
        evidence = {},
      }
      if spec.correct ~= nil then
        if limits.current ~= nil then
          local thresholds, evidence = spec.correct(plant, unit, chemical_limits.edition_of(spec.table, limits.current), limits.current)
          call.thresholds = thresholds
          for _, e in ipairs(evidence) do call.evidence[#call.evidence + 1] = e end
        end
        if limits.upcoming ~= nil then
          call.upcoming_thresholds = spec.correct(plant, unit, chemical_limits.edition_of(spec.table, limits.upcoming), limits.upcoming)
        end
      end
      ctx:compliance(call)
    end
  end
end

return chemical_limits
