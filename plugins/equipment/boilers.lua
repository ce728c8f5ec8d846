-- Industrial boilers: thermal efficiency against GB 24500-2020, and flue-gas heat recovery
-- (economizer; condensing recovery on gas boilers).

local operating = require("operating")
local elimination = require("elimination")

local GB24500 = "equipment.gb24500-2020"
local GB24500_REFERENCE = { standard = "GB 24500-2020", clause = "design thermal efficiency table (EQE boiler.json; shared/reference/energy-figures.md §5.5)",
                            title = "工业锅炉能效限定值及能效等级", confidence = "high" }

-- Rated heat output per t/h of evaporation: GB 24500-2020 puts 20 t/h and 14 MW on one band boundary.
local MW_PER_TPH = 0.7
local KJ_PER_KGCE = 29307.6 -- GB/T 2589-2020: 1 kgce = 29 307.6 kJ

-- Boiler fuels and the energy carrier they are bought as.
local FUEL_CARRIER = { coal = "raw_coal", natural_gas = "natural_gas", oil = "fuel_oil", biomass = "biomass" }

local COAL_CLASS_NAME = { bituminous_ii = "bituminous_ii", bituminous_iii = "bituminous_iii", lignite = "lignite" }

--- The GB 24500-2020 row a boiler is graded in: {kind, band}; or nil, reason (not covered); or
--- nil, nil, needs (fields to give).
local function efficiency_class(boiler)
  local fuel = boiler.fuel
  if fuel == "waste_heat" then return nil, "waste-heat boilers are not graded by GB 24500-2020 in the reference" end
  if fuel == "electric" then return { kind = "electric", band = "any" } end
  if fuel == "oil" then return { kind = "oil", band = "any" } end
  if fuel == "biomass" then return { kind = "biomass", band = boiler.capacity <= 10 and "small" or "large" } end
  if fuel == "natural_gas" then
    if boiler.condensing == nil then return nil, nil, { operating.path(boiler, "condensing") } end
    return { kind = boiler.condensing and "gas_condensing" or "gas", band = "any" }
  end
  -- coal
  if boiler.firing == nil then return nil, nil, { operating.path(boiler, "firing") } end
  if boiler.firing == "pulverised" then return { kind = "pulverised_coal", band = "any" } end
  if boiler.firing == "burner" then return nil, "no GB 24500-2020 row for a coal boiler fired by burners" end
  if boiler.coal_class == nil then return nil, nil, { operating.path(boiler, "coal_class") } end
  local coal = COAL_CLASS_NAME[boiler.coal_class]
  if boiler.firing == "cfb" then
    if coal == "bituminous_ii" or coal == "bituminous_iii" then return { kind = "cfb_" .. coal, band = "any" } end
    return nil, "the reference gives CFB rows for bituminous II and III coal only"
  end
  -- grate and fixed grate: layer-fired
  if coal == nil then return nil, "the reference gives no row for grate boilers burning " .. boiler.coal_class end
  return { kind = "layer_" .. coal, band = boiler.capacity <= 20 and "small" or "large" }
end

local function boilers_or_none(plant, ctx)
  local list = ediag.equipment(plant, "boiler")
  if #list == 0 then ctx:not_applicable("the profile lists no boilers") end
  return list
end

rule {
  id = "equipment.boiler-efficiency",
  title = { zh = "工业锅炉热效率（GB 24500-2020）", en = "Industrial boiler thermal efficiency against GB 24500-2020" },
  sector = "cross-sector",
  category = "compliance",
  summary = "Grades each industrial boiler's thermal efficiency against GB 24500-2020 by kind: grate (layer-fired, "
    .. "including fixed-grate) coal boilers by design coal (bituminous II, III, lignite) and size (≤ 20 t/h or more), "
    .. "CFB coal (bituminous II, III), pulverised coal, biomass (≤ 10 t/h or more), natural gas (condensing or not), "
    .. "oil, and electric boilers (one 97 % limit). Anthracite and CFB lignite boilers are not in the reference."
    .. " A unit that fails the limit is a warning when it was made before the edition took force (or its year is "
    .. "unknown), since product standards bind equipment when it is sold, and critical when it was bought since; "
    .. "plant energy-consumption limits rank first.",
  formula = "grade = best k with η ≥ η_k (%)",
  references = { GB24500_REFERENCE },
  evaluate = function(plant, ctx)
    for _, b in ipairs(boilers_or_none(plant, ctx)) do
      local class, reason, needs = efficiency_class(b)
      if b.capacity <= 0 then
        ctx:not_applicable { subject = b.id, reason = "capacity is 0 t/h (reported by equipment.data-quality)" }
      elseif reason then
        ctx:not_applicable { subject = b.id, reason = reason }
      elseif needs or b.thermal_efficiency == nil then
        needs = needs or {}
        if b.thermal_efficiency == nil then needs[#needs + 1] = operating.path(b, "thermal_efficiency") end
        ctx:insufficient_data { subject = b.id, needs = needs }
      else
        local limits = ediag.limits(GB24500, class)
        ctx:compliance {
          subject = b.id,
          value = b.thermal_efficiency,
          limits = limits,
          severity = operating.product_severity(b, limits),
          source = operating.path(b, "thermal_efficiency"),
          evidence = {
            { name = "table row", value = class.kind .. " (" .. class.band .. ")", source = GB24500 },
            { name = "capacity", value = b.capacity, unit = "t/h", source = operating.path(b, "capacity") },
          },
        }
      end
    end
  end,
}

--- kgce per unit of a carrier: the profile's measured calorific value when given, else GB/T 2589.
local function kgce_per_unit(plant, carrier)
  local use = plant.energy and plant.energy[carrier]
  if use ~= nil and use.calorific_value ~= nil then return use.calorific_value * 1000 / KJ_PER_KGCE end
  return ediag.carrier(carrier).kgce_per_unit
end

--- Heat the boiler delivers in a year (GJ), with its evidence and whether profile data gave it.
local function heat_delivered(plant, b, efficiency, params)
  if b.fuel_consumption ~= nil then
    local heat = b.fuel_consumption * efficiency
    return heat, {
      { name = "fuel energy input", value = b.fuel_consumption, unit = "GJ", source = operating.path(b, "fuel_consumption") },
    }, "high"
  end
  local load, load_source, load_given = operating.load(b, params.default_load)
  local hours, hours_source, hours_given = operating.hours(plant, b, params.default_hours)
  local heat = b.capacity * MW_PER_TPH * 3.6 * hours * load * operating.count(b)
  return heat, {
    { name = "capacity", value = b.capacity, unit = "t/h", source = operating.path(b, "capacity") },
    { name = "load factor", value = load, unit = "1", source = load_source },
    { name = "operating hours", value = hours, unit = "h/a", source = hours_source },
  }, operating.confidence(hours_given, load_given)
end

rule {
  id = "equipment.boiler-flue-gas-recovery",
  title = { zh = "锅炉烟气余热回收（省煤器、冷凝回收）", en = "Boiler flue-gas heat recovery (economizer, condensing)" },
  sector = "cross-sector",
  category = "saving_measure",
  measure = "boiler-flue-gas-recovery",
  summary = "A coal, gas, oil or biomass boiler without an economizer loses sensible heat up the stack; an economizer raises its "
    .. "efficiency by about 5 points (the low end of the 5–15 % seen, sensible heat only). A gas boiler without "
    .. "condensing recovery gains about 5 points more from latent heat (together 10, mid-range). The fuel saved is "
    .. "the heat delivered divided by the old minus the new efficiency; heat delivered comes from the metered fuel "
    .. "input, else from capacity (0.7 MW per t/h) × hours × load. Without condensing the new efficiency is held to 100 %. "
    .. "A boiler on an elimination catalogue gets no heat-recovery measure: it must be replaced.",
  formula = "η_new = η_old + gain (≤ 100 % without condensing); heat (GJ/a) = fuel input × η_old, or t/h × 0.7 MW × 3.6 GJ/MWh "
    .. "× hours × load × count; fuel saved (GJ/a) = heat/η_old − heat/η_new; in carrier units = GJ × 10^6 / (29 307.6 kJ/kgce × "
    .. "kgce per unit); investment = unit cost × t/h × count",
  references = {
    { standard = "yilianfy.com; 2busy.cn (shared/reference/energy-figures.md §6)",
      clause = "oil/gas boiler exhaust ≈ 200 °C; recovering sensible plus latent heat raises efficiency 5–15 %", confidence = "medium" },
    GB24500_REFERENCE,
    { standard = "GB/T 2589-2020", clause = "1 kgce = 29 307.6 kJ; Appendix A reference calorific values", confidence = "high" },
  },
  parameters = {
    economizer_gain = { default = 5, unit = "%", min = 2, max = 10,
                        doc = "Efficiency points an economizer adds (sensible heat)",
                        source = "yilianfy.com / 2busy.cn (M): flue-gas recovery raises efficiency 5–15 %; low end for sensible heat only" },
    condensing_gain = { default = 5, unit = "%", min = 2, max = 10,
                        doc = "Further efficiency points from condensing recovery on gas boilers (latent heat)",
                        source = "yilianfy.com / 2busy.cn (M): sensible plus latent 5–15 %; 5 + 5 = 10, mid-range" },
    economizer_cost = { default = 20000, unit = "yuan/(t/h)", min = 5000, max = 100000,
                        doc = "Installed economizer cost per t/h — orientation figure, not from a cited source (low confidence)" },
    condensing_cost = { default = 30000, unit = "yuan/(t/h)", min = 5000, max = 150000,
                        doc = "Installed condensing heat-recovery cost per t/h — orientation figure, not from a cited source (low confidence)" },
    lifetime = { default = 15, unit = "a", min = 5, max = 25,
                 doc = "Life of the heat-recovery equipment — orientation figure, not from a cited source (low confidence)" },
    default_load = { default = 0.7, unit = "1", min = 0.2, max = 1,
                     doc = "Boiler load when the profile gives none — orientation figure, not from a cited source (low confidence)" },
    default_hours = { default = 6000, unit = "h/a", min = 500, max = 8760,
                      doc = "Operating hours when the profile gives none — orientation figure, not from a cited source (low confidence)" },
  },
  evaluate = function(plant, ctx, params)
    for _, b in ipairs(boilers_or_none(plant, ctx)) do
      local carrier = FUEL_CARRIER[b.fuel]
      local gas = b.fuel == "natural_gas"
      if b.capacity <= 0 then
        ctx:not_applicable { subject = b.id, reason = "capacity is 0 t/h (reported by equipment.data-quality)" }
      elseif carrier == nil then
        ctx:not_applicable { subject = b.id, reason = "no flue-gas saving is valued for " .. b.fuel .. " boilers" }
      elseif ediag.implemented(plant, "boiler-flue-gas-recovery", b.id) then
        ctx:not_applicable { subject = b.id, reason = "flue-gas heat recovery is already in place" }
      elseif elimination.listed(plant, b) then
        ctx:not_applicable { subject = b.id, reason = "the boiler is on an elimination catalogue (equipment.outdated-catalogue): "
          .. "replace it rather than invest in heat recovery" }
      elseif b.economizer == nil or (gas and b.condensing == nil) or b.thermal_efficiency == nil then
        local needs = {}
        if b.economizer == nil then needs[#needs + 1] = operating.path(b, "economizer") end
        if gas and b.condensing == nil then needs[#needs + 1] = operating.path(b, "condensing") end
        if b.thermal_efficiency == nil then needs[#needs + 1] = operating.path(b, "thermal_efficiency") end
        ctx:insufficient_data { subject = b.id, needs = needs }
      else
        local add_economizer = not b.economizer
        local add_condensing = gas and not b.condensing
        if not add_economizer and not add_condensing then
          ctx:not_applicable { subject = b.id, reason = gas and "economizer and condensing recovery are fitted" or "an economizer is fitted" }
        else
          local gain = (add_economizer and params.economizer_gain or 0) + (add_condensing and params.condensing_gain or 0)
          local eta_old = b.thermal_efficiency
          local eta_new = eta_old + gain
          if not add_condensing then eta_new = math.min(eta_new, 100) end
          if eta_new <= eta_old then
            ctx:not_applicable { subject = b.id, reason = "efficiency " .. eta_old .. " % leaves no room below 100 % without condensing" }
          else
            local heat, evidence, confidence = heat_delivered(plant, b, eta_old / 100, params)
            local saved_gj = heat / (eta_old / 100) - heat / (eta_new / 100)
            local fuel = saved_gj * 1e6 / (KJ_PER_KGCE * kgce_per_unit(plant, carrier))
            local count = operating.count(b)
            local investment = ((add_economizer and params.economizer_cost or 0) + (add_condensing and params.condensing_cost or 0))
              * b.capacity * count
            local what = add_economizer and (add_condensing and "economizer or condensing recovery" or "economizer")
              or "condensing recovery"
            local what_zh = add_economizer and (add_condensing and "省煤器和冷凝余热回收" or "省煤器") or "冷凝余热回收"
            evidence[#evidence + 1] = { name = "thermal efficiency", value = eta_old, unit = "%", source = operating.path(b, "thermal_efficiency") }
            evidence[#evidence + 1] = { name = "efficiency after recovery", value = eta_new, unit = "%", source = "η_old + gain" }
            evidence[#evidence + 1] = { name = "heat delivered", value = heat, unit = "GJ/a", source = "see formula" }
            ctx:recommend {
              subject = b.id,
              savings = { [carrier] = fuel },
              -- Steam-side measures of the sector packs save from the same boiler fuel (group steam:<boiler>).
              interaction = { group = "steam:" .. b.id,
                              base = { [carrier] = heat / (eta_old / 100) * 1e6 / (KJ_PER_KGCE * kgce_per_unit(plant, carrier)) } },
              investment = investment,
              lifetime = params.lifetime,
              confidence = confidence == "high" and "medium" or "low",
              message = {
                en = "{id} ({cap} t/h, {fuel}) has no {what}; recovering flue-gas heat raises its efficiency from {old}% to {new}%, "
                  .. "saving {gj:0} GJ of fuel a year",
                zh = "{id}（{cap} t/h，{fuel}）未设{what_zh}；回收烟气余热可将热效率由 {old}% 提高到 {new}%，年节约燃料 {gj:0} GJ",
              },
              values = { id = b.id, cap = b.capacity, fuel = b.fuel, what = what, what_zh = what_zh, old = eta_old, new = eta_new,
                         gj = saved_gj },
              evidence = evidence,
            }
          end
        end
      end
    end
  end,
}
