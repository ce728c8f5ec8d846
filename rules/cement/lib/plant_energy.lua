-- What the cement saving measures need to know about a plant's energy: which fuel the kiln burns,
-- how much of it a heat saving is worth, and what electricity costs.

local plant_energy = {}

-- Fuels a clinker kiln and its calciner burn, in the order ties are broken.
local KILN_FUELS = { "raw_coal", "washed_coal", "coke", "natural_gas", "fuel_oil" }

-- 1 kgce = 29 307.6 kJ (GB/T 2589-2020: 7000 kcal).
local KJ_PER_KGCE = 29307.6

local function energy_use(plant, carrier)
  local energy = plant.energy
  if energy == nil then return nil end
  return energy[carrier]
end

--- kgce per unit of a carrier for this plant: its measured calorific value (MJ per unit) when the
--- profile gives one, else the GB/T 2589 reference value (the same rule the host values savings by).
function plant_energy.kgce_per_unit(plant, carrier)
  local use = energy_use(plant, carrier)
  if use ~= nil and use.calorific_value ~= nil then
    return use.calorific_value * 1000 / KJ_PER_KGCE
  end
  return ediag.carrier(carrier).kgce_per_unit
end

--- The kiln's main fuel: `kiln_fuel` on the unit, else the kiln fuel with the largest consumption
--- (in tce) in the profile's energy; nil when the profile lists none.
function plant_energy.kiln_fuel(plant, kiln)
  if kiln.kiln_fuel ~= nil then return kiln.kiln_fuel end
  local chosen, largest = nil, 0
  for _, carrier in ipairs(KILN_FUELS) do
    local use = energy_use(plant, carrier)
    if use ~= nil then
      local tce = use.consumption * plant_energy.kgce_per_unit(plant, carrier) / 1000
      if tce > largest then chosen, largest = carrier, tce end
    end
  end
  return chosen
end

--- The amount of a fuel (in its unit) that carries a heat saving given in kJ.
function plant_energy.fuel_for_heat(plant, carrier, kilojoules)
  return kilojoules / KJ_PER_KGCE / plant_energy.kgce_per_unit(plant, carrier)
end

--- Tonnes of coal equivalent of a heat quantity in kJ.
function plant_energy.tce_of_heat(kilojoules)
  return kilojoules / KJ_PER_KGCE / 1000
end

--- The electricity price the plant pays (yuan/kWh), or nil when the profile gives none.
function plant_energy.electricity_price(plant)
  local use = energy_use(plant, "electricity")
  if use ~= nil and use.price ~= nil then return use.price end
  if plant.finance ~= nil then return plant.finance.electricity_price end
  return nil
end

--- The profile paths to fill in when the kiln fuel is unknown.
function plant_energy.kiln_fuel_needs(kiln)
  return { "process_units[" .. kiln.id .. "].kiln_fuel", "energy.raw_coal.consumption" }
end

return plant_energy
