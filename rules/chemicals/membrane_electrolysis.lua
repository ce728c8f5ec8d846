-- Diaphragm cells replaced by ion-exchange membrane electrolysers: less electricity per t NaOH, and a
-- cell liquor of about 32 % NaOH instead of about 10 %, so far less steam to concentrate it.

local chemical_limits = require("chemical_limits")
local plant_heat = require("plant_heat")

local field = chemical_limits.field

--- Steam (t/t NaOH) a membrane plant still needs to reach the product strength: none for liquid
--- ≥ 30 % (the membrane liquor is already about 32 %), the parameter for 45 % liquid and solid caustic.
local function membrane_concentration_steam(unit, params)
  if unit.grade == "liquid_30" then return 0 end
  return params.membrane_concentration_steam
end

rule {
  id = "chemicals.membrane-electrolysis",
  title = { zh = "隔膜法烧碱改离子膜法", en = "Replace diaphragm cells with ion-exchange membrane electrolysers" },
  sector = "chemicals",
  category = "saving_measure",
  measure = "membrane-electrolysis",
  summary = "A caustic soda unit still on diaphragm cells uses more AC power per t NaOH than membrane electrolysers and "
    .. "must evaporate a weak (≈ 10 %) cell liquor; membrane cells cut the power to about the target value and make a "
    .. "≈ 32 % liquor that needs little or no evaporation steam.",
  formula = "electricity (kWh/a) = (measured AC power − membrane AC power) × output; steam (t/a) = (measured evaporation "
    .. "steam − membrane concentration steam) × output, valued as purchased steam or boiler fuel; "
    .. "investment = unit cost (yuan per t/a) × capacity (t/a)",
  references = {
    { standard = "ediag orientation parameters", clause = "membrane AC power, concentration steam and cost are not in shared/reference (low confidence)",
      confidence = "low" },
    { standard = "GB/T 2589-2020", clause = "low-pressure steam 3763 kJ/kg (shared/reference §3.1)", confidence = "high" },
    { standard = "GB 24500-2020", clause = "boiler efficiency defaults, grade 3 (shared/reference §5.5)", confidence = "high" },
  },
  parameters = {
    membrane_ac_power = { default = 2350, unit = "kWh/t", min = 2100, max = 2600,
      doc = "AC power of a modern membrane electrolysis plant per t 100 % NaOH — orientation figure, not from a cited source (low confidence)" },
    membrane_concentration_steam = { default = 0.6, unit = "t/t", min = 0, max = 1.5,
      doc = "Steam to concentrate membrane liquor to 45 % or to feed solid-caustic concentration, per t NaOH — orientation figure, not from a cited source (low confidence)" },
    unit_cost = { default = 1500, unit = "yuan/(t/a)", min = 800, max = 3000,
      doc = "Retrofit cost per t/a of caustic capacity — orientation figure, not from a cited source (low confidence)" },
    lifetime = { default = 15, unit = "a", min = 8, max = 25,
      doc = "Economic life of the electrolysers (membranes renewed within it) — orientation figure, not from a cited source (low confidence)" },
  },
  applies = function(plant)
    if #ediag.units(plant, "caustic_soda") == 0 then return false, "no caustic_soda process unit" end
    return true
  end,
  evaluate = function(plant, ctx, params)
    for _, unit in ipairs(ediag.units(plant, "caustic_soda")) do
      if unit.electrolyser == nil then
        ctx:insufficient_data { subject = unit.id, needs = { field(unit, "electrolyser") } }
      elseif unit.electrolyser ~= "diaphragm" then
        ctx:not_applicable { subject = unit.id, reason = "the unit already runs membrane electrolysers" }
      elseif ediag.implemented(plant, "membrane-electrolysis", unit.id) then
        ctx:not_applicable { subject = unit.id, reason = "membrane conversion is listed as implemented" }
      else
        local needs = {}
        for _, name in ipairs({ "output", "ac_power", "capacity" }) do
          if unit[name] == nil then needs[#needs + 1] = field(unit, name) end
        end
        if unit.evaporation_steam ~= nil and unit.grade == nil then needs[#needs + 1] = field(unit, "grade") end
        if #needs > 0 then
          ctx:insufficient_data { subject = unit.id, needs = needs }
        else
          local power_saved = math.max(0, unit.ac_power - params.membrane_ac_power)
          local savings = {}
          local evidence = {
            { name = "measured AC power", value = unit.ac_power, unit = "kWh/t", source = field(unit, "ac_power") },
            { name = "membrane AC power", value = params.membrane_ac_power, unit = "kWh/t", source = "parameter membrane_ac_power (orientation)" },
            { name = "output", value = unit.output, unit = "t", source = field(unit, "output") },
          }
          if power_saved > 0 then savings.electricity = power_saved * unit.output end
          local steam_per_t, interaction = 0, nil
          if unit.evaporation_steam ~= nil then
            steam_per_t = math.max(0, unit.evaporation_steam - membrane_concentration_steam(unit, params))
          end
          if steam_per_t > 0 then
            local steam_savings, steam_evidence, steam_interaction = plant_heat.steam_savings(plant, unit.id, steam_per_t * unit.output)
            interaction = steam_interaction
            if steam_savings ~= nil then
              savings = plant_heat.add_savings(savings, steam_savings)
              for _, e in ipairs(steam_evidence) do evidence[#evidence + 1] = e end
            else
              evidence[#evidence + 1] = { name = "evaporation steam saving not counted", value = steam_per_t * unit.output,
                unit = "t/a", source = "no steam source in the profile (energy.steam or a boiler)" }
            end
          elseif unit.evaporation_steam == nil then
            evidence[#evidence + 1] = { name = "evaporation steam saving not counted", value = "evaporation_steam not measured",
              source = field(unit, "evaporation_steam") }
          end
          if next(savings) == nil then
            ctx:not_applicable { subject = unit.id, reason = "measured AC power and evaporation steam are already at the membrane level" }
          else
            ctx:recommend {
              subject = unit.id,
              savings = savings,
              interaction = interaction,
              investment = params.unit_cost * unit.capacity,
              lifetime = params.lifetime,
              confidence = "low",
              message = {
                en = "{unit} still runs diaphragm cells at {power:0} kWh/t; membrane electrolysers (about {target:0} kWh/t) "
                  .. "save {kwh:0} kWh a year and {steam:2} t evaporation steam per t NaOH",
                zh = "{unit} 仍采用隔膜法电解，交流电耗 {power:0} kWh/t；改离子膜法（约 {target:0} kWh/t）年节电 {kwh:0} kWh，"
                  .. "吨碱蒸发蒸汽减少 {steam:2} t",
              },
              values = { unit = unit.id, power = unit.ac_power, target = params.membrane_ac_power,
                         kwh = savings.electricity or 0, steam = steam_per_t },
              evidence = evidence,
            }
          end
        end
      end
    end
  end,
}
