-- What a saving of steam or heat is worth in the carriers the plant actually uses.
--
-- Steam saved is counted where the plant gets it: purchased steam (energy.steam), or the fuel of the
-- boiler that raises it (fuel = steam heat ÷ boiler efficiency). Heat is turned into steam at the
-- GB/T 2589-2020 reference value for low-pressure steam, 3763 kJ/kg (128.6 kgce/t in the standard's
-- rounding; 3763 / 29.3076 = 128.4), so the host's coal equivalent of purchased steam saved matches the
-- heat recovered to within that rounding.

local plant_heat = {}

-- GB/T 2589-2020 Appendix A: low-pressure steam 3763 kJ/kg (shared/reference/energy-figures.md §3.1, H).
plant_heat.STEAM_KJ_PER_T = 3763000
-- GB/T 2589-2020: 1 kgce = 29 307.6 kJ.
plant_heat.KJ_PER_KGCE = 29307.6

-- Boiler fuels that have an ediag energy carrier.
local BOILER_FUEL_CARRIER = { coal = "raw_coal", natural_gas = "natural_gas", oil = "fuel_oil", biomass = "biomass" }

-- Boiler efficiency when the profile gives none: GB 24500-2020 grade 3 (limit) design efficiency,
-- shared/reference/energy-figures.md §5.5 (EQE, H): CFB coal bituminous II 86 %, gas non-condensing 92 %, oil 90 %,
-- biomass ≤ 10 t/h 80 % (the lower of its two bands).
local DEFAULT_BOILER_EFFICIENCY = { coal = 0.86, natural_gas = 0.92, oil = 0.90, biomass = 0.80 }

plant_heat.BOILER_NOTE = "GB 24500-2020 grade 3 design efficiency for its fuel (coal 86 %, gas 92 %, oil 90 %, biomass 80 %; shared/reference §5.5)"

local function energy_use(plant, carrier)
  if plant.energy == nil then return nil end
  return plant.energy[carrier]
end

--- kgce per unit of a carrier: the profile's measured calorific value (MJ per unit) when given, else
--- the GB/T 2589 reference value (the same rule the host values savings by).
function plant_heat.kgce_per_unit(plant, carrier)
  local use = energy_use(plant, carrier)
  if use ~= nil and use.calorific_value ~= nil then
    return use.calorific_value * 1000 / plant_heat.KJ_PER_KGCE
  end
  return ediag.carrier(carrier).kgce_per_unit
end

--- Amount of a carrier (in its unit) holding `kilojoules` of heat.
function plant_heat.carrier_for_heat(plant, carrier, kilojoules)
  return kilojoules / plant_heat.KJ_PER_KGCE / plant_heat.kgce_per_unit(plant, carrier)
end

--- Steam (t) carrying `kilojoules` at the GB/T 2589 low-pressure steam value.
function plant_heat.steam_for_heat(kilojoules)
  return kilojoules / plant_heat.STEAM_KJ_PER_T
end

--- The boiler raising steam for a unit: one that serves it, else the largest (rated t/h × count) of those
--- that serve nothing named — the site's main steam source, not whichever is listed first.
local function boiler_for(plant, unit_id)
  local general, general_rating = nil, -1
  for _, boiler in ipairs(ediag.equipment(plant, "boiler")) do
    if BOILER_FUEL_CARRIER[boiler.fuel] ~= nil then
      if boiler.serves == unit_id then return boiler end
      local rating = boiler.capacity * (boiler.count or 1)
      if boiler.serves == nil and rating > general_rating then general, general_rating = boiler, rating end
    end
  end
  return general
end

--- Steam (t/a) a boiler can raise: capacity × hours × load factor (1 when absent) × count; nil without hours.
local function boiler_steam_per_year(boiler)
  if boiler.hours == nil then return nil end
  return boiler.capacity * boiler.hours * (boiler.load_factor or 1) * (boiler.count or 1)
end

--- What `tonnes` of steam a year is worth, by carrier. A unit's own boiler comes first, then purchased
--- steam (never more than the plant buys), then a site boiler. Returns savings, evidence and the
--- interaction to pass to ctx:recommend (every measure saving the same boiler's fuel or the same bought
--- steam shares one group, so the plant total counts the steam once); or nil and the profile fields that
--- would tell where the steam comes from.
function plant_heat.steam_savings(plant, unit_id, tonnes)
  local boiler = boiler_for(plant, unit_id)
  local bought = energy_use(plant, "steam")
  if boiler ~= nil and (boiler.serves == unit_id or bought == nil) then
    local efficiency = boiler.thermal_efficiency and boiler.thermal_efficiency / 100 or DEFAULT_BOILER_EFFICIENCY[boiler.fuel]
    local carrier = BOILER_FUEL_CARRIER[boiler.fuel]
    local raised = boiler_steam_per_year(boiler)
    local counted = raised and math.min(tonnes, raised) or tonnes
    local fuel = plant_heat.carrier_for_heat(plant, carrier, counted * plant_heat.STEAM_KJ_PER_T / efficiency)
    -- The boiler's fuel, never more than the plant uses of that carrier (rating × hours overstates a part-loaded boiler).
    local interaction = { group = "steam:" .. boiler.id }
    local base = raised and plant_heat.carrier_for_heat(plant, carrier, raised * plant_heat.STEAM_KJ_PER_T / efficiency) or nil
    local used = energy_use(plant, carrier)
    if used ~= nil and used.consumption > 0 and (base == nil or used.consumption < base) then base = used.consumption end
    if base ~= nil and base > 0 then interaction.base = { [carrier] = base } end
    return { [carrier] = fuel }, {
      { name = "steam saved", value = counted, unit = "t/a",
        source = counted < tonnes and "measure model, capped at what the boiler raises (capacity × hours × load × count)"
          or "measure model" },
      { name = "boiler raising it", value = boiler.id, source = "equipment[" .. boiler.id .. "]" },
      { name = "boiler efficiency", value = efficiency, unit = "1",
        source = boiler.thermal_efficiency and ("equipment[" .. boiler.id .. "].thermal_efficiency") or plant_heat.BOILER_NOTE },
    }, interaction
  end
  if bought ~= nil then
    local counted = math.min(tonnes, bought.consumption)
    return { steam = counted }, {
      { name = "steam saved", value = counted, unit = "t/a",
        source = counted < tonnes and "measure model, capped at the steam the plant buys" or "measure model" },
      { name = "steam source", value = "purchased steam", source = "energy.steam" },
    }, { group = "steam:purchased", base = { steam = bought.consumption } }
  end
  return nil, { "energy.steam (purchased steam)", "equipment[…] a coal, gas or oil boiler (serves: " .. unit_id .. ")" }
end

--- Sum of two savings tables (carrier → amount).
function plant_heat.add_savings(a, b)
  local total = {}
  for carrier, amount in pairs(a) do total[carrier] = amount end
  for carrier, amount in pairs(b) do total[carrier] = (total[carrier] or 0) + amount end
  return total
end

--- The electricity price the plant pays (yuan/kWh), or nil.
function plant_heat.electricity_price(plant)
  local use = energy_use(plant, "electricity")
  if use ~= nil and use.price ~= nil then return use.price end
  if plant.finance ~= nil then return plant.finance.electricity_price end
  return nil
end

return plant_heat
