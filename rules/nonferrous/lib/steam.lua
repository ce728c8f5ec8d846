-- Steam a measure saves or recovers, expressed in the energy carrier that raises it today.
--
-- Saved steam is worth what produces it: purchased steam, or the fuel of the boiler that raises it
-- (fuel saved = steam heat / boiler efficiency, both in GB/T 2589 coal equivalents). When the
-- profile says neither, the caller reports insufficient data.

local steam = {}

-- Boiler fuels that have an ediag energy carrier.
local FUEL_CARRIER = { coal = "raw_coal", natural_gas = "natural_gas", oil = "fuel_oil", biomass = "biomass" }

-- Boiler efficiency when the profile gives none: the GB 24500-2020 grade 3 (limit) design efficiency
-- (shared/reference/energy-figures.md §5.5, EQE transcription, H): CFB coal, bituminous II 86 %;
-- natural gas, non-condensing 92 %; oil 90 %; biomass ≤ 10 t/h 80 % (the lower of its two bands).
steam.DEFAULT_BOILER_EFFICIENCY = { coal = 0.86, natural_gas = 0.92, oil = 0.90, biomass = 0.80 }

steam.SOURCE_NOTE = "boiler efficiency default: GB 24500-2020 grade 3 (CFB coal 86 %, gas 92 %, oil 90 %, biomass 80 %); "
  .. "steam 128.6 kgce/t (GB/T 2589-2020 Appendix A, low-pressure steam)"

--- The boiler that raises steam for `unit_id`: one that serves it, else the largest (rated t/h × count)
--- of those that serve nothing named — the site's main steam source, not whichever is listed first.
local function boiler_for(plant, unit_id)
  local fallback, fallback_rating = nil, -1
  for _, boiler in ipairs(ediag.equipment(plant, "boiler")) do
    if FUEL_CARRIER[boiler.fuel] ~= nil then
      if boiler.serves == unit_id then return boiler end
      local rating = boiler.capacity * (boiler.count or 1)
      if boiler.serves == nil and rating > fallback_rating then fallback, fallback_rating = boiler, rating end
    end
  end
  return fallback
end

--- Steam a boiler raises in a year (t), from its metered fuel or its rating and hours; nil when unknown.
local function boiler_steam(boiler, efficiency)
  local count = boiler.count or 1
  if boiler.fuel_consumption ~= nil then
    local kgce = boiler.fuel_consumption * 1000 / 29.3076 -- GJ → kgce (1 kgce = 29 307.6 kJ, GB/T 2589)
    return kgce * efficiency / ediag.carrier("steam").kgce_per_unit,
      "equipment[" .. boiler.id .. "].fuel_consumption × efficiency"
  end
  if boiler.hours ~= nil then
    return boiler.capacity * boiler.hours * (boiler.load_factor or 1) * count,
      "equipment[" .. boiler.id .. "] capacity × hours × load"
  end
  return nil
end

--- kgce per unit of the boiler fuel: the profile's measured calorific value (MJ per unit) when given, else
--- the GB/T 2589 reference — the same coefficient the host values the saving with, so the coal equivalent
--- of the fuel saved equals the steam heat over the boiler efficiency.
local function fuel_kgce_per_unit(plant, carrier)
  local use = plant.energy ~= nil and plant.energy[carrier] or nil
  if use ~= nil and use.calorific_value ~= nil then return use.calorific_value * 1000 / 29307.6 end
  return ediag.carrier(carrier).kgce_per_unit
end

local function buys_steam(plant)
  return plant.energy ~= nil and plant.energy.steam ~= nil
end

--- What `tonnes` of steam a year saves, by carrier. Purchased steam cannot save more than the plant buys.
--- Returns savings, evidence, the tonnes counted and the interaction to pass to ctx:recommend (every
--- measure saving the same boiler's fuel or the same bought steam shares one group, so the plant total
--- counts the steam once) on success; nil, needs (profile fields) when the steam source is unknown.
function steam.savings(plant, unit_id, tonnes)
  local boiler = boiler_for(plant, unit_id)
  if boiler ~= nil and (boiler.serves == unit_id or not buys_steam(plant)) then
    local efficiency = boiler.thermal_efficiency and boiler.thermal_efficiency / 100
      or steam.DEFAULT_BOILER_EFFICIENCY[boiler.fuel]
    local raised, raised_source = boiler_steam(boiler, efficiency)
    local counted = raised and math.min(tonnes, raised) or tonnes
    local carrier = FUEL_CARRIER[boiler.fuel]
    local fuel_per_t = ediag.carrier("steam").kgce_per_unit / (efficiency * fuel_kgce_per_unit(plant, carrier))
    local fuel = counted * fuel_per_t
    -- The boiler's fuel, never more than the plant uses of that carrier (rating × hours overstates a part-loaded boiler).
    local interaction = { group = "steam:" .. boiler.id }
    local base = raised and raised * fuel_per_t or nil
    local used = plant.energy ~= nil and plant.energy[carrier] or nil
    if used ~= nil and used.consumption > 0 and (base == nil or used.consumption < base) then base = used.consumption end
    if base ~= nil and base > 0 then interaction.base = { [carrier] = base } end
    return { [carrier] = fuel }, {
      { name = "steam saved", value = counted, unit = "t/a",
        source = counted < tonnes and ("measure model, capped at what the boiler raises (" .. raised_source .. ")") or "measure model" },
      { name = "boiler raising it", value = boiler.id, source = "equipment[" .. boiler.id .. "]" },
      { name = "boiler efficiency", value = efficiency, unit = "1",
        source = boiler.thermal_efficiency and ("equipment[" .. boiler.id .. "].thermal_efficiency")
          or "GB 24500-2020 grade 3 for its fuel (default)" },
    }, counted, interaction
  end
  if buys_steam(plant) then
    local bought = plant.energy.steam.consumption
    local counted = math.min(tonnes, bought)
    return { steam = counted }, {
      { name = "steam saved", value = counted, unit = "t/a",
        source = counted < tonnes and "measure model, capped at the purchased steam" or "measure model" },
      { name = "steam source", value = "purchased steam", source = "energy.steam" },
      { name = "purchased steam", value = bought, unit = "t", source = "energy.steam.consumption" },
    }, counted, { group = "steam:purchased", base = { steam = bought } }
  end
  return nil, { "energy.steam (purchased steam) or equipment[…] a coal, gas or oil boiler with serves: " .. unit_id }
end

return steam
