-- Hours per year of a process unit (steam_network, waste_heat_source) as the measure rules use them:
-- the profile's figure, held to the 8784 h the longest year has. The schema accepts more; the
-- chemicals.data-quality rule reports it, so that an impossible figure never inflates a saving.

local unit_hours = {}

--- The most hours any year holds (366 d × 24 h).
unit_hours.YEAR = 8784

--- The hours of a unit for an estimate, and the source text of that figure.
function unit_hours.held(unit)
  local path = "process_units[" .. unit.id .. "].hours"
  if unit.hours > unit_hours.YEAR then
    return unit_hours.YEAR, path .. " = " .. string.format("%.0f", unit.hours) .. " h/a, held to the "
      .. unit_hours.YEAR .. " h of the longest year"
  end
  return unit.hours, path
end

return unit_hours
