-- What the power-plant saving measures need to know about a generating unit: the electricity it
-- supplies, its coal rates, the fuel it burns, and how a saving in coal equivalent becomes an amount
-- of that fuel.

local power_units = {}

-- 1 kgce = 29 307.6 kJ (GB/T 2589-2020: 7000 kcal).
local KJ_PER_KGCE = 29307.6

-- The fuel each unit type burns (an energy carrier of the profile).
local FUEL = { power_unit = "raw_coal", ccgt_unit = "natural_gas" }

function power_units.field_path(unit, field)
  return "process_units[" .. unit.id .. "]." .. field
end

--- Coal-fired and gas-fired generating units, in profile order.
function power_units.generating_units(plant)
  local units = {}
  for _, u in ipairs(plant.process_units or {}) do
    if FUEL[u.type] ~= nil then units[#units + 1] = u end
  end
  return units
end

--- The unit's fuel carrier: raw coal for coal-fired units, natural gas for combined-cycle units.
function power_units.fuel(unit)
  return FUEL[unit.type]
end

--- kgce per unit of a carrier for this plant: its measured calorific value (MJ per unit) when the
--- profile gives one, else the GB/T 2589 reference value (the rule the host values savings by).
function power_units.kgce_per_unit(plant, carrier)
  local energy = plant.energy
  local use = energy and energy[carrier]
  if use ~= nil and use.calorific_value ~= nil then
    return use.calorific_value * 1000 / KJ_PER_KGCE
  end
  return ediag.carrier(carrier).kgce_per_unit
end

--- The amount of the unit's fuel (t of raw coal, m3 of gas) that carries `tce` tonnes of coal equivalent.
function power_units.fuel_for_tce(plant, unit, tce)
  return tce * 1000 / power_units.kgce_per_unit(plant, power_units.fuel(unit))
end

--- Electricity supplied (kWh over the period): measured, or generation × (1 − auxiliary power rate).
--- Returns nil and the fields to fill in when neither is known.
function power_units.supplied(unit)
  if unit.power_supplied ~= nil then return unit.power_supplied end
  if unit.generation ~= nil and unit.auxiliary_power_rate ~= nil then
    return unit.generation * (1 - unit.auxiliary_power_rate / 100)
  end
  local needs = { power_units.field_path(unit, "power_supplied") }
  if unit.generation == nil then needs[#needs + 1] = power_units.field_path(unit, "generation") end
  if unit.auxiliary_power_rate == nil then needs[#needs + 1] = power_units.field_path(unit, "auxiliary_power_rate") end
  return nil, needs
end

--- Where the electricity supplied comes from, for evidence.
function power_units.supplied_source(unit)
  if unit.power_supplied ~= nil then return power_units.field_path(unit, "power_supplied") end
  return power_units.field_path(unit, "generation") .. " × (1 − auxiliary_power_rate)"
end

--- Generation coal rate (发电煤耗率, gce/kWh) = supply coal rate × (1 − auxiliary power rate): the coal
--- behind each kWh generated, hence behind each kWh of auxiliary power saved at the same supply.
function power_units.generation_coal_rate(unit)
  if unit.supply_coal_rate == nil or unit.auxiliary_power_rate == nil then
    local needs = {}
    if unit.supply_coal_rate == nil then needs[#needs + 1] = power_units.field_path(unit, "supply_coal_rate") end
    if unit.auxiliary_power_rate == nil then needs[#needs + 1] = power_units.field_path(unit, "auxiliary_power_rate") end
    return nil, needs
  end
  return unit.supply_coal_rate * (1 - unit.auxiliary_power_rate / 100)
end

--- Average load while in service (%): measured, or generation ÷ (capacity × operating hours).
function power_units.load_rate(unit)
  if unit.average_load_rate ~= nil then return unit.average_load_rate end
  if unit.generation ~= nil and unit.capacity ~= nil and unit.operating_hours ~= nil and unit.operating_hours > 0 then
    return unit.generation / (unit.capacity * 1000 * unit.operating_hours) * 100
  end
  return nil, { power_units.field_path(unit, "average_load_rate"), power_units.field_path(unit, "operating_hours") }
end

--- Tonnes of coal equivalent a year saved by lowering a unit's supply coal rate by `gce_per_kwh` on
--- `supplied` kWh.
function power_units.tce_of_rate_cut(gce_per_kwh, supplied)
  return gce_per_kwh * supplied / 1e6
end

--- How a unit's fuel-saving measures share the unit (docs/economics.md, measures that overlap): flow-path
--- retrofit, condenser vacuum, low-temperature economizer, sliding pressure, auxiliary drives and oil-free
--- ignition of one unit each cut its supply coal rate, so the plant total combines them against the unit's
--- fuel (supplied kWh × supply coal rate) instead of adding cuts that were each valued on today's rate.
function power_units.interaction(plant, unit)
  local interaction = { group = "unit-fuel:" .. unit.id }
  local supplied = power_units.supplied(unit)
  if supplied ~= nil and unit.supply_coal_rate ~= nil and supplied > 0 then
    interaction.base = { [power_units.fuel(unit)] =
      power_units.fuel_for_tce(plant, unit, power_units.tce_of_rate_cut(unit.supply_coal_rate, supplied)) }
  end
  return interaction
end

--- Whether the measure is done on this unit: the unit's own flag or the profile's measures_implemented.
function power_units.done(plant, unit, measure, flag)
  return (flag ~= nil and unit[flag] == true) or ediag.implemented(plant, measure, unit.id)
end

--- Collects the profile fields a measure needs that the unit lacks: `needs_of(unit, {"a", "b"})`.
function power_units.missing(unit, fields)
  local needs = {}
  for _, field in ipairs(fields) do
    if unit[field] == nil then needs[#needs + 1] = power_units.field_path(unit, field) end
  end
  return needs
end

--- The applicability test of the measures on coal-fired units.
function power_units.has_coal_unit(plant)
  if #ediag.units(plant, "power_unit") == 0 then return false, "no coal-fired power_unit" end
  return true
end

--- Electricity supplied (or nil) and the profile fields that are missing for a measure needing
--- `fields` and the electricity supplied.
function power_units.supplied_and_missing(unit, fields)
  local supplied, supply_needs = power_units.supplied(unit)
  local needs = power_units.missing(unit, fields)
  if supplied == nil then power_units.append(needs, supply_needs) end
  return supplied, needs
end

--- Appends the entries of `more` to `list`.
function power_units.append(list, more)
  for _, item in ipairs(more or {}) do list[#list + 1] = item end
  return list
end

return power_units
