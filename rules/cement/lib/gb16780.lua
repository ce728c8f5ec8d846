-- GB 16780-2021 grading helpers shared by the cement compliance rules: the corrections the
-- standard applies to its tabulated values (clinker ratio, site altitude) and the call that
-- grades one indicator of one process unit.

local gb16780 = {}

-- Standard atmosphere (ISO 2533:1975 / GB/T 1920-1980, troposphere): sea-level pressure 101 325 Pa,
-- temperature 288.15 K, lapse rate 0.0065 K/m; the exponent g·M/(R·L) = 5.25588.
local SEA_LEVEL_PRESSURE = 101325
local LAPSE_OVER_T0 = 0.0065 / 288.15
local BAROMETRIC_EXPONENT = 5.25588

--- Atmospheric pressure (Pa) at an altitude (m) by the standard atmosphere.
function gb16780.standard_pressure(altitude)
  return SEA_LEVEL_PRESSURE * (1 - LAPSE_OVER_T0 * altitude) ^ BAROMETRIC_EXPONENT
end

--- The edition of a limit table that a row from ediag.limits came from (nil for no row).
local function edition_of(table_id, row)
  if row == nil then return nil end
  for _, edition in ipairs(ediag.data(table_id).editions) do
    if edition.standard == row.standard and edition.effective == row.effective then return edition end
  end
  error("limit table " .. table_id .. " has no edition " .. row.standard)
end

--- The altitude factor of an edition for this plant, or nil when the edition has no altitude
--- correction or the site is not above its altitude threshold. A profile without an altitude is
--- graded on the uncorrected (stricter) values.
local function altitude_factor(edition, plant)
  local correction = edition.altitude_correction
  local altitude = plant.plant.altitude
  if correction == nil or altitude == nil or altitude <= correction.above then return nil end
  local pressure = gb16780.standard_pressure(altitude)
  local factor = correction.constant - correction.pressure_coefficient * pressure / correction.reference_pressure
  return factor, pressure, correction
end

--- Thresholds {g1, g2, g3} (false for none) of a row after the edition's corrections, rounded to
--- 0.01, with the evidence that explains them. `clinker_ratio` (%) is needed when the edition corrects for it.
local function corrected_thresholds(table_id, row, plant, clinker_ratio)
  local edition = edition_of(table_id, row)
  local thresholds = { row.grade1, row.grade2, row.grade3 }
  local evidence = {}
  local ratio_rule = edition.clinker_ratio_correction
  if ratio_rule ~= nil then
    local points = clinker_ratio - ratio_rule.basis
    for grade = 1, 3 do
      if thresholds[grade] then
        thresholds[grade] = thresholds[grade] + ratio_rule.per_point[grade] * points
      end
    end
    evidence[#evidence + 1] = {
      name = row.standard .. " clinker-ratio correction (kgce/t per point, grades 1/2/3: "
        .. ratio_rule.per_point[1] .. "/" .. ratio_rule.per_point[2] .. "/" .. ratio_rule.per_point[3]
        .. "; basis " .. ratio_rule.basis .. " %)",
      value = points, unit = "percentage points", source = ratio_rule.source,
    }
  end
  local factor, pressure, altitude_rule = altitude_factor(edition, plant)
  if factor ~= nil then
    for _, grade in ipairs(altitude_rule.grades) do
      if thresholds[grade] then thresholds[grade] = thresholds[grade] * factor end
    end
    evidence[#evidence + 1] = { name = "site pressure (standard atmosphere)", value = ediag.round(pressure, 0),
                                unit = "Pa", source = "ISO 2533 / GB/T 1920-1980 from plant.altitude" }
    evidence[#evidence + 1] = { name = row.standard .. " altitude factor on grade 3", value = ediag.round(factor, 5),
                                unit = "1", source = altitude_rule.source }
  end
  -- Corrected values are stated to 0.01 (the tabulated values are whole numbers).
  for grade = 1, 3 do
    if thresholds[grade] then thresholds[grade] = ediag.round(thresholds[grade], 2) end
  end
  return thresholds, evidence
end

--- Whether the limit editions that apply on the assessment date correct for the clinker ratio.
function gb16780.needs_clinker_ratio(table_id, limits)
  for _, row in ipairs({ limits.current, limits.upcoming }) do
    local edition = edition_of(table_id, row)
    if edition and edition.clinker_ratio_correction ~= nil then return true end
  end
  return false
end

--- Grades one indicator of one unit: `args` = {table = limit table id, subject, value, field (profile
--- path of the value), output (t, for the gap to the benchmark), clinker_ratio (%, when needed)}.
function gb16780.grade(plant, ctx, args)
  local limits = ediag.limits(args.table)
  local call = {
    subject = args.subject,
    value = args.value,
    limits = limits,
    output = args.output,
    source = args.field,
  }
  local evidence = {}
  if limits.current then
    local thresholds, notes = corrected_thresholds(args.table, limits.current, plant, args.clinker_ratio)
    call.thresholds = thresholds
    for _, e in ipairs(notes) do evidence[#evidence + 1] = e end
  end
  if limits.upcoming then
    call.upcoming_thresholds = corrected_thresholds(args.table, limits.upcoming, plant, args.clinker_ratio)
  end
  if args.clinker_ratio ~= nil then
    table.insert(evidence, 1, { name = "clinker ratio", value = args.clinker_ratio, unit = "%", source = args.ratio_field })
  end
  call.evidence = evidence
  return ctx:compliance(call)
end

return gb16780
