-- Pure low-temperature waste-heat power generation on new-dry-process clinker lines: new plants
-- where a line has none, and optimisation where an installed plant generates less than lines
-- commonly achieve.

local plant_energy = require("plant_energy")

local FORUM_2009 = {
  standard = "Cement pure low-temperature waste-heat power generation, technical forum (nettplinkrepeater.net, 2009)",
  clause = "20–30 kWh/t clinker; 5000 t/d line ≈ 50 M yuan; generation cost 0.10–0.15 yuan/kWh; payback 3–4 years",
  confidence = "medium",
}

local function has_waste_heat_power(plant, kiln)
  return kiln.waste_heat_power or ediag.implemented(plant, "waste-heat-power", kiln.id)
end

local function field_path(kiln, field)
  return "process_units[" .. kiln.id .. "]." .. field
end

--- O&M cost of generating `kwh` a year, as a share of what the electricity is worth (0 when the
--- profile gives no electricity price: the host then cannot value the measure anyway).
local function generation_om_cost(plant, kwh, share)
  local price = plant_energy.electricity_price(plant)
  if price == nil then return 0 end
  return share * kwh * price
end

rule {
  id = "cement.waste-heat-power",
  title = { zh = "纯低温余热发电", en = "Low-temperature waste-heat power generation" },
  sector = "cement",
  category = "saving_measure",
  measure = "waste-heat-power",
  summary = "A kiln line without waste-heat power can generate about 25 kWh per t clinker from preheater and cooler "
    .. "exhaust; the electricity generated replaces purchased power.",
  formula = "electricity saved (kWh/a) = generation (kWh/t clinker) × clinker output (t/a); "
    .. "investment = unit cost (yuan per t/d of capacity) × capacity (t/d); O&M = share × kWh × electricity price",
  references = {
    FORUM_2009,
    { standard = "qiqiwenku doc 726486", clause = "WHR cuts clinker-making power ≈ 60 %", confidence = "medium" },
  },
  parameters = {
    generation = { default = 25, unit = "kWh/t", min = 15, max = 35,
                   doc = "Net generation per t clinker (midpoint of 20–30 kWh/t)",
                   source = "nettplinkrepeater.net forum 2009: 20–30 kWh/t clinker" },
    unit_cost = { default = 10000, unit = "yuan/(t/d)", min = 5000, max = 20000,
                  doc = "Investment per t/d of clinker capacity (50 M yuan for 5000 t/d)",
                  source = "nettplinkrepeater.net forum 2009: 5000 t/d line ≈ 50 M yuan" },
    lifetime = { default = 15, unit = "a", min = 10, max = 25,
                 doc = "Economic life of the plant — orientation figure, not from a cited source (low confidence)" },
    om_share = { default = 0.12, unit = "1", min = 0, max = 0.3,
                 doc = "O&M cost as a share of the electricity value (generation cost 0.10–0.15 yuan/kWh vs ≈ 0.6 yuan/kWh bought)",
                 source = "nettplinkrepeater.net forum 2009: generation cost 0.10–0.15 yuan/kWh" },
  },
  examples = {
    -- 25 kWh/t × 780 000 t = 19 500 000 kWh; × 0.1229 kgce/kWh / 1000 = 2396.55 tce; 10 000 yuan/(t/d) × 2500 t/d.
    { name = "line without waste-heat power", profile = "../../examples/plants/cement-laggard.yaml", expect = "fires",
      findings = { { subject = "K1", kwh = 19500000, tce = { value = 2396.55, tolerance = 0.01 }, investment = 25000000 } } },
    { name = "already installed", profile = "../../examples/plants/cement-laggard.yaml",
      patch = { process_units = { K1 = { waste_heat_power = true } } }, expect = "not_applicable", subject = "K1" },
    { name = "capacity unknown", profile = "../../examples/plants/cement-laggard.yaml",
      remove = { "process_units.K1.capacity" }, expect = "insufficient_data", subject = "K1" },
    { name = "steel plant: no clinker kiln", profile = "../../examples/plants/steel-plant.yaml", expect = "not_applicable" },
  },
  applies = function(plant)
    local kilns = ediag.units(plant, "clinker_kiln")
    if #kilns == 0 then return false, "no clinker kiln" end
    return true
  end,
  evaluate = function(plant, ctx, params)
    for _, kiln in ipairs(ediag.units(plant, "clinker_kiln")) do
      if has_waste_heat_power(plant, kiln) then
        ctx:not_applicable { subject = kiln.id, reason = "waste-heat power is already installed" }
      elseif kiln.clinker_output == nil or kiln.capacity == nil then
        ctx:insufficient_data {
          subject = kiln.id,
          needs = { field_path(kiln, "clinker_output"), field_path(kiln, "capacity") },
        }
      else
        local kwh = params.generation * kiln.clinker_output
        ctx:recommend {
          subject = kiln.id,
          savings = { electricity = kwh },
          -- Cooler and preheater upgrades of this kiln leave less exhaust heat to generate from.
          interaction = { group = "kiln-heat:" .. kiln.id },
          investment = params.unit_cost * kiln.capacity,
          lifetime = params.lifetime,
          om_cost = generation_om_cost(plant, kwh, params.om_share),
          confidence = "medium",
          message = {
            en = "Kiln {kiln} has no waste-heat power: about {gen} kWh/t × {output:0} t clinker = {kwh:0} kWh a year",
            zh = "{kiln} 窑线未配套余热发电：约 {gen} kWh/t × {output:0} t 熟料 = 年发电 {kwh:0} kWh",
          },
          values = { kiln = kiln.id, gen = params.generation, output = kiln.clinker_output, kwh = kwh },
          evidence = {
            { name = "clinker output", value = kiln.clinker_output, unit = "t", source = field_path(kiln, "clinker_output") },
            { name = "capacity", value = kiln.capacity, unit = "t/d", source = field_path(kiln, "capacity") },
          },
        }
      end
    end
  end,
}

rule {
  id = "cement.waste-heat-power-upgrade",
  title = { zh = "余热发电系统优化改造", en = "Waste-heat power plant optimisation" },
  sector = "cement",
  category = "saving_measure",
  measure = "waste-heat-power-upgrade",
  summary = "A kiln line whose waste-heat power plant generates less than 20 kWh/t clinker (the low end of what "
    .. "Chinese NSP lines achieve) can raise its generation to about 25 kWh/t by optimising the preheater (SP) and "
    .. "cooler (AQC) boilers, their take-off points and the turbine; the extra electricity replaces purchased power.",
  formula = "electricity saved (kWh/a) = (target − measured generation) (kWh/t) × clinker output (t/a), when measured "
    .. "< threshold; investment = unit cost (yuan per t/d) × capacity (t/d); O&M = share × kWh × electricity price",
  references = { FORUM_2009 },
  parameters = {
    threshold = { default = 20, unit = "kWh/t", min = 10, max = 30,
                  doc = "Generation below which the plant underperforms (low end of the 20–30 kWh/t range)",
                  source = "nettplinkrepeater.net forum 2009: China NSP lines achieve 20–30 kWh/t clinker" },
    target = { default = 25, unit = "kWh/t", min = 20, max = 32,
               doc = "Generation after optimisation (midpoint of 20–30 kWh/t)",
               source = "nettplinkrepeater.net forum 2009: 20–30 kWh/t clinker" },
    unit_cost = { default = 3000, unit = "yuan/(t/d)", min = 1000, max = 10000,
                  doc = "Retrofit cost per t/d of clinker capacity — orientation figure, not from a cited source (low confidence)" },
    lifetime = { default = 10, unit = "a", min = 5, max = 20,
                 doc = "Economic life of the retrofit — orientation figure, not from a cited source (low confidence)" },
    om_share = { default = 0.12, unit = "1", min = 0, max = 0.3,
                 doc = "O&M cost as a share of the electricity value",
                 source = "nettplinkrepeater.net forum 2009: generation cost 0.10–0.15 yuan/kWh" },
  },
  examples = {
    -- 22 kWh/t is above the 20 kWh/t threshold: nothing to optimise.
    { name = "plant generating 22 kWh/t", profile = "../../examples/plants/cement-laggard.yaml",
      patch = { process_units = { K1 = { waste_heat_power = true, waste_heat_generation = "22 kWh/t" } } }, expect = "silent" },
    -- (25 − 16) kWh/t × 780 000 t = 7 020 000 kWh a year.
    { name = "plant generating 16 kWh/t", profile = "../../examples/plants/cement-laggard.yaml",
      patch = { process_units = { K1 = { waste_heat_power = true, waste_heat_generation = "16 kWh/t" } } }, expect = "fires",
      findings = { { subject = "K1", kwh = 7020000 } } },
  },
  applies = function(plant)
    if #ediag.units(plant, "clinker_kiln") == 0 then return false, "no clinker kiln" end
    return true
  end,
  evaluate = function(plant, ctx, params)
    for _, kiln in ipairs(ediag.units(plant, "clinker_kiln")) do
      if not has_waste_heat_power(plant, kiln) then
        ctx:not_applicable { subject = kiln.id, reason = "no waste-heat power plant to optimise (see cement.waste-heat-power)" }
      elseif ediag.implemented(plant, "waste-heat-power-upgrade", kiln.id) then
        ctx:not_applicable { subject = kiln.id, reason = "the waste-heat power plant has already been optimised" }
      elseif kiln.waste_heat_generation == nil or kiln.clinker_output == nil or kiln.capacity == nil then
        local needs = {}
        for _, field in ipairs({ "waste_heat_generation", "clinker_output", "capacity" }) do
          if kiln[field] == nil then needs[#needs + 1] = field_path(kiln, field) end
        end
        ctx:insufficient_data { subject = kiln.id, needs = needs }
      elseif kiln.waste_heat_generation < params.threshold then
        local per_tonne = params.target - kiln.waste_heat_generation
        local kwh = per_tonne * kiln.clinker_output
        ctx:recommend {
          subject = kiln.id,
          savings = { electricity = kwh },
          -- Cooler and preheater upgrades of this kiln leave less exhaust heat to generate from.
          interaction = { group = "kiln-heat:" .. kiln.id },
          investment = params.unit_cost * kiln.capacity,
          lifetime = params.lifetime,
          om_cost = generation_om_cost(plant, kwh, params.om_share),
          confidence = "low",
          message = {
            en = "Kiln {kiln} generates {gen} kWh/t from waste heat, below the {threshold} kWh/t lines commonly reach; "
              .. "optimising to {target} kWh/t adds {kwh:0} kWh a year",
            zh = "{kiln} 余热发电量 {gen} kWh/t，低于行业常见水平 {threshold} kWh/t；优化至 {target} kWh/t 可年增发电 {kwh:0} kWh",
          },
          values = { kiln = kiln.id, gen = kiln.waste_heat_generation, threshold = params.threshold,
                     target = params.target, kwh = kwh },
          evidence = {
            { name = "waste-heat generation", value = kiln.waste_heat_generation, unit = "kWh/t",
              source = field_path(kiln, "waste_heat_generation") },
            { name = "clinker output", value = kiln.clinker_output, unit = "t", source = field_path(kiln, "clinker_output") },
            { name = "capacity", value = kiln.capacity, unit = "t/d", source = field_path(kiln, "capacity") },
          },
        }
      end
    end
  end,
}
