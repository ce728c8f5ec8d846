-- Grading a generating unit's supply or heat-supply coal rate against GB 21258-2024 / GB 45247-2025:
-- the row of the unit's class, the total correction factor of §5.3 and the additions for air cooling,
-- W-flame and CFB boilers, each applied to the grades the edition names.

local power_limits = {}

local function field_path(unit, field)
  return "process_units[" .. unit.id .. "]." .. field
end

local function contains(list, value)
  if list == nil then return false end
  for _, item in ipairs(list) do
    if item == value then return true end
  end
  return false
end

--- The edition of a limit table in force on a date (nil before the first one takes force).
function power_limits.edition_on(table_id, date)
  local in_force
  for _, edition in ipairs(ediag.data(table_id).editions) do
    if edition.effective <= date and (in_force == nil or edition.effective > in_force.effective) then
      in_force = edition
    end
  end
  return in_force
end

--- The edition a row from ediag.limits came from (nil for no row).
local function edition_of(table_id, row)
  if row == nil then return nil end
  for _, edition in ipairs(ediag.data(table_id).editions) do
    if edition.standard == row.standard and edition.effective == row.effective then return edition end
  end
  error("limit table " .. table_id .. " has no edition " .. row.standard)
end

--- Whether GB 21258-2024 Table 2 gives this unit an addition (air-cooled, W-flame or CFB).
local function takes_table2_addition(rule, unit)
  return contains(rule.cooling, unit.cooling) or contains(rule.boiler, unit.boiler)
end

--- The profile fields an edition's corrections need for this unit and are missing.
local function missing_correction_inputs(edition, unit)
  local needs = {}
  if edition == nil then return needs end
  if edition.total_correction ~= nil and unit.limit_correction_factor == nil then
    needs[#needs + 1] = field_path(unit, "limit_correction_factor")
  end
  local addition = edition.table2_addition
  if addition ~= nil then
    if unit.cooling == nil then needs[#needs + 1] = field_path(unit, "cooling") end
    if unit.boiler == nil then needs[#needs + 1] = field_path(unit, "boiler") end
    if unit.cooling ~= nil and unit.boiler ~= nil and takes_table2_addition(addition, unit) and unit.limit_addition == nil then
      needs[#needs + 1] = field_path(unit, "limit_addition")
    end
  end
  if edition.air_cooling_addition ~= nil and unit.cooling == nil then
    needs[#needs + 1] = field_path(unit, "cooling")
  end
  return needs
end

--- Thresholds {g1, g2, g3} (false for none) of a row after the edition's corrections (not rounded:
--- the standard states no rounding of corrected values), and the evidence that explains them.
local function corrected_thresholds(table_id, row, unit)
  local edition = edition_of(table_id, row)
  local thresholds = { row.grade1, row.grade2, row.grade3 }
  local evidence = {}
  local total = edition.total_correction
  if total ~= nil then
    for _, grade in ipairs(total.grades) do
      if thresholds[grade] then thresholds[grade] = thresholds[grade] * unit.limit_correction_factor end
    end
    evidence[#evidence + 1] = { name = row.standard .. " total correction factor (grades " .. table.concat(total.grades, ", ") .. ")",
                                value = unit.limit_correction_factor, unit = "1", source = field_path(unit, "limit_correction_factor") }
  end
  local table2 = edition.table2_addition
  if table2 ~= nil and takes_table2_addition(table2, unit) then
    for _, grade in ipairs(table2.grades) do
      if thresholds[grade] then thresholds[grade] = thresholds[grade] + unit.limit_addition end
    end
    evidence[#evidence + 1] = { name = row.standard .. " Table 2 addition (grades " .. table.concat(table2.grades, ", ") .. ")",
                                value = unit.limit_addition, unit = "gce/kWh", source = field_path(unit, "limit_addition") }
  end
  local air = edition.air_cooling_addition
  if air ~= nil and unit.cooling == "air" then
    for _, grade in ipairs(air.grades) do
      if thresholds[grade] then thresholds[grade] = thresholds[grade] + air.value end
    end
    evidence[#evidence + 1] = { name = row.standard .. " air-cooling addition (grade " .. table.concat(air.grades, ", ") .. ")",
                                value = air.value, unit = "gce/kWh", source = air.source }
  end
  return thresholds, evidence
end

--- Grades one indicator of every unit of a type. `args` = {unit_type, table (limit table id),
--- field (the measured indicator), output (function(unit) → amount for the gap, or nil),
--- missing (message when the indicator is missing), applies (optional function(unit) → false, reason),
--- by_class (false when the table has one row for every unit class)}.
function power_limits.grade_units(plant, ctx, args)
  local units = ediag.units(plant, args.unit_type)
  if #units == 0 then
    ctx:not_applicable("the profile lists no " .. args.unit_type .. " process unit")
    return
  end
  local date = plant.assessment.date
  local by_class = args.by_class ~= false
  for _, unit in ipairs(units) do
    local applies, reason = true, nil
    if args.applies ~= nil then applies, reason = args.applies(unit) end
    if not applies then
      ctx:not_applicable { subject = unit.id, reason = reason }
    elseif (by_class and unit.unit_class == nil) or unit[args.field] == nil then
      local needs = {}
      if by_class and unit.unit_class == nil then needs[#needs + 1] = field_path(unit, "unit_class") end
      if unit[args.field] == nil then needs[#needs + 1] = field_path(unit, args.field) end
      ctx:insufficient_data { subject = unit.id, needs = needs, message = args.missing }
    else
      local limits = ediag.limits(args.table, { unit_class = unit.unit_class })
      local in_force = power_limits.edition_on(args.table, date)
      if in_force ~= nil and limits.current == nil then
        ctx:not_applicable { subject = unit.id, reason = in_force.standard .. " gives no " .. ediag.data(args.table).title.en
          .. " limit for unit class " .. tostring(unit.unit_class) }
      else
        local needs = missing_correction_inputs(edition_of(args.table, limits.current), unit)
        if #needs > 0 then
          ctx:insufficient_data { subject = unit.id, needs = needs, message = {
            en = "grading against " .. limits.current.standard .. " needs its §5.3 corrections for this unit: "
              .. table.concat(needs, ", "),
            zh = "需按 " .. limits.current.standard .. " 第5.3条确定修正系数及增加值后方可评级：" .. table.concat(needs, "、") } }
        else
          local call = { subject = unit.id, value = unit[args.field], limits = limits, source = field_path(unit, args.field),
                         output = args.output and args.output(unit) or nil }
          if limits.current then
            local thresholds, evidence = corrected_thresholds(args.table, limits.current, unit)
            call.thresholds, call.evidence = thresholds, evidence
          end
          -- Without an edition in force the host reports the rule not applicable and the upcoming grade as information.
          if limits.upcoming then
            if #missing_correction_inputs(edition_of(args.table, limits.upcoming), unit) == 0 then
              call.upcoming_thresholds = corrected_thresholds(args.table, limits.upcoming, unit)
            else
              -- The next edition cannot be corrected for this unit: grade on the current one only, never on raw values.
              call.limits = { current = limits.current }
            end
          end
          ctx:compliance(call)
        end
      end
    end
  end
end

return power_limits
