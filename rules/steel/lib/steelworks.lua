-- Shared helpers of the steel pack: profile paths, missing-data reports, the GB 21256-2025 ore-type
-- allowance and grading a process against a limit table with corrected thresholds.

local steelworks = {}

--- The profile path of a process-unit field, as insufficient_data and evidence name it.
function steelworks.field(unit, name)
  return "process_units[" .. unit.id .. "]." .. name
end

--- Reports insufficient data for the fields of `names` the unit lacks; true when something was missing.
function steelworks.report_missing(ctx, unit, names, message)
  local needs = {}
  for _, name in ipairs(names) do
    if unit[name] == nil then needs[#needs + 1] = steelworks.field(unit, name) end
  end
  if #needs == 0 then return false end
  ctx:insufficient_data { subject = unit.id, needs = needs, message = message }
  return true
end

--- GB 21256-2025 ore-type allowance (kgce/t): Σ share (%) × coefficient per % of each ore type.
--- An absent share means the ore is not used (schema: "0 or absent when none").
--- Returns the allowance and the evidence lines of the shares that contribute.
function steelworks.ore_type_allowance(unit, per_percent, source)
  local ore_types = {
    { field = "rare_earth_ore_share", name = "rare-earth ore share", coefficient = per_percent.rare_earth },
    { field = "vti_magnetite_share", name = "V-Ti magnetite share", coefficient = per_percent.vti_magnetite },
    { field = "laterite_nickel_share", name = "laterite nickel ore share", coefficient = per_percent.laterite_nickel },
  }
  local allowance, evidence = 0, {}
  for _, ore in ipairs(ore_types) do
    local share = unit[ore.field] or 0
    if share > 0 then
      allowance = allowance + share * ore.coefficient
      evidence[#evidence + 1] = { name = ore.name .. " (+" .. ore.coefficient .. " kgce/t per %)", value = share, unit = "%",
                                  source = steelworks.field(unit, ore.field) .. "; " .. source }
    end
  end
  return allowance, evidence
end

--- Thresholds of a limit row after a correction: `correct(base, grade_index)` gives the corrected
--- value of each published grade; grades the standard leaves empty stay empty (false).
local function corrected_thresholds(row, correct)
  if row == nil then return nil end
  local published = { row.grade1, row.grade2, row.grade3 }
  local thresholds = {}
  for i = 1, 3 do
    if published[i] then
      thresholds[i] = ediag.round(correct(published[i], i), 6)
    else
      thresholds[i] = false
    end
  end
  return thresholds
end

--- Grades a measured process indicator against a limit table, with the rule's corrections applied
--- to the edition in force and to the upcoming one alike.
--- spec: table, match, value, output, field (value's profile field), correct(base, i), evidence.
function steelworks.grade(ctx, unit, spec)
  local limits = ediag.limits(spec.table, spec.match)
  return ctx:compliance {
    subject = unit.id,
    value = spec.value,
    limits = limits,
    thresholds = corrected_thresholds(limits.current, spec.correct),
    upcoming_thresholds = corrected_thresholds(limits.upcoming, spec.correct),
    output = spec.output,
    source = steelworks.field(unit, spec.field),
    evidence = spec.evidence,
  }
end

--- Appends the lines of `more` to the list `into` and returns it.
function steelworks.append(into, more)
  for _, line in ipairs(more) do into[#into + 1] = line end
  return into
end

--- Whether a measure is already in place on a unit: flagged on the unit or listed in measures_implemented.
function steelworks.already_done(plant, unit, measure, flag_value)
  return flag_value == true or ediag.implemented(plant, measure, unit.id)
end

return steelworks
