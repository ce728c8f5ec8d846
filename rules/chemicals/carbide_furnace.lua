-- Calcium-carbide furnaces: closing open and semi-closed furnaces, and using the CO-rich off-gas of
-- closed furnaces as fuel instead of flaring it.

local chemical_limits = require("chemical_limits")
local plant_heat = require("plant_heat")

local field = chemical_limits.field

local GB21343_GRADE2 = "GB 21343-2023 furnace power grade 2 (new-build level), 3080 kWh/t (shared/reference §1.5, ECQ H)"

rule {
  id = "chemicals.carbide-closed-furnace",
  title = { zh = "电石开放炉/半密闭炉改密闭炉", en = "Convert open or semi-closed carbide furnaces to closed furnaces" },
  sector = "chemicals",
  category = "saving_measure",
  measure = "carbide-closed-furnace",
  summary = "An open or semi-closed carbide furnace whose power exceeds the GB 21343-2023 new-build level can be rebuilt "
    .. "as a closed furnace at that level; the closed furnace also makes its off-gas recoverable "
    .. "(see chemicals.carbide-furnace-gas-recovery once converted).",
  formula = "electricity (kWh/a) = (measured furnace power − target power) × output; investment = unit cost (yuan/kVA) × "
    .. "furnace transformer capacity (kVA)",
  references = {
    { standard = "GB 21343-2023", clause = "furnace power 3000/3080/3200 kWh/t; grade 2 used as the rebuilt furnace's target "
      .. "(shared/reference §1.5)", confidence = "high" },
    { standard = "ediag orientation parameters", clause = "rebuild cost and life are not in shared/reference (low confidence)",
      confidence = "low" },
  },
  parameters = {
    target_power = { default = 3080, unit = "kWh/t", min = 3000, max = 3200,
      doc = "Furnace power after the rebuild", source = GB21343_GRADE2 },
    unit_cost = { default = 2000, unit = "yuan/kVA", min = 800, max = 4000,
      doc = "Rebuild cost per kVA of furnace transformer — orientation figure, not from a cited source (low confidence)" },
    lifetime = { default = 20, unit = "a", min = 10, max = 30,
      doc = "Economic life — orientation figure, not from a cited source (low confidence)" },
  },
  applies = function(plant)
    if #ediag.units(plant, "calcium_carbide_furnace") == 0 then return false, "no calcium_carbide_furnace process unit" end
    return true
  end,
  evaluate = function(plant, ctx, params)
    for _, furnace in ipairs(ediag.units(plant, "calcium_carbide_furnace")) do
      if furnace.furnace_type == nil then
        ctx:insufficient_data { subject = furnace.id, needs = { field(furnace, "furnace_type") } }
      elseif furnace.furnace_type == "closed" then
        ctx:not_applicable { subject = furnace.id, reason = "the furnace is already closed" }
      elseif ediag.implemented(plant, "carbide-closed-furnace", furnace.id) then
        ctx:not_applicable { subject = furnace.id, reason = "the closed-furnace rebuild is listed as implemented" }
      else
        local needs = {}
        for _, name in ipairs({ "furnace_power", "output", "rated_capacity" }) do
          if furnace[name] == nil then needs[#needs + 1] = field(furnace, name) end
        end
        if #needs > 0 then
          ctx:insufficient_data { subject = furnace.id, needs = needs }
        elseif furnace.furnace_power <= params.target_power then
          ctx:not_applicable { subject = furnace.id, reason = "the furnace power is already at or below the target "
            .. params.target_power .. " kWh/t" }
        else
          local kwh = (furnace.furnace_power - params.target_power) * furnace.output
          ctx:recommend {
            subject = furnace.id,
            savings = { electricity = kwh },
            investment = params.unit_cost * furnace.rated_capacity,
            lifetime = params.lifetime,
            confidence = "low",
            message = {
              en = "{unit} is an {type} furnace at {power:0} kWh/t; a closed furnace at {target:0} kWh/t saves {kwh:0} kWh a year "
                .. "and makes its off-gas recoverable",
              zh = "{unit} 为{type_zh}电石炉，电炉电耗 {power:0} kWh/t；改密闭炉至 {target:0} kWh/t 年节电 {kwh:0} kWh，并可回收炉气",
            },
            values = { unit = furnace.id, type = furnace.furnace_type == "open" and "open" or "semi-closed",
                       type_zh = furnace.furnace_type == "open" and "开放式" or "半密闭", power = furnace.furnace_power,
                       target = params.target_power, kwh = kwh },
            evidence = {
              { name = "furnace power", value = furnace.furnace_power, unit = "kWh/t", source = field(furnace, "furnace_power") },
              { name = "target power", value = params.target_power, unit = "kWh/t", source = GB21343_GRADE2 },
              { name = "output", value = furnace.output, unit = "t", source = field(furnace, "output") },
              { name = "transformer capacity", value = furnace.rated_capacity, unit = "kVA", source = field(furnace, "rated_capacity") },
            },
          }
        end
      end
    end
  end,
}

--- Share (0–1) of the furnace gas used today, or nil when the profile does not say.
local function gas_used_share(furnace)
  if furnace.furnace_gas_utilisation ~= nil then return furnace.furnace_gas_utilisation / 100 end
  if furnace.furnace_gas_use == "flared" then return 0 end
  if furnace.furnace_gas_use == "fully_used" then return 1 end
  return nil
end

rule {
  id = "chemicals.carbide-furnace-gas-recovery",
  title = { zh = "密闭电石炉炉气回收利用", en = "Recover closed carbide-furnace off-gas as fuel" },
  sector = "chemicals",
  category = "saving_measure",
  measure = "carbide-furnace-gas-recovery",
  summary = "A closed carbide furnace makes a CO-rich off-gas; where it is flared, cleaning it and burning it in lime kilns, "
    .. "boilers or dryers replaces the fuel named on the furnace (gas_replaces).",
  formula = "heat (kJ/a) = gas yield (m3/t) × unused share × output (t) × LHV (MJ/m3) × 1000 × use efficiency; fuel saved = "
    .. "heat / its calorific value (steam: heat / 3763 kJ/kg, valued as purchased steam or boiler fuel); "
    .. "investment = unit cost (yuan/kVA) × furnace capacity (kVA)",
  references = {
    { standard = "ediag orientation parameters", clause = "furnace-gas yield, calorific value, use efficiency and cost are not "
      .. "in shared/reference (low confidence)", confidence = "low" },
    { standard = "GB/T 2589-2020", clause = "fuel calorific values (shared/reference §3.1)", confidence = "high" },
  },
  parameters = {
    gas_yield = { default = 400, unit = "m3/t", min = 250, max = 500,
      doc = "Furnace gas per t carbide when the profile gives no measured furnace_gas_yield — orientation figure, not from a cited source (low confidence)" },
    gas_lhv = { default = 10.5, unit = "MJ/m3", min = 8, max = 12.5,
      doc = "Net calorific value of cleaned furnace gas (mostly CO) — orientation figure, not from a cited source (low confidence)" },
    use_efficiency = { default = 0.85, unit = "1", min = 0.6, max = 1,
      doc = "Useful share of the gas heat relative to the fuel it replaces — orientation figure, not from a cited source (low confidence)" },
    unit_cost = { default = 250, unit = "yuan/kVA", min = 100, max = 600,
      doc = "Gas cleaning, holder and burners per kVA of furnace — orientation figure, not from a cited source (low confidence)" },
    lifetime = { default = 15, unit = "a", min = 8, max = 25,
      doc = "Economic life — orientation figure, not from a cited source (low confidence)" },
  },
  applies = function(plant)
    if #ediag.units(plant, "calcium_carbide_furnace") == 0 then return false, "no calcium_carbide_furnace process unit" end
    return true
  end,
  evaluate = function(plant, ctx, params)
    for _, furnace in ipairs(ediag.units(plant, "calcium_carbide_furnace")) do
      local used = gas_used_share(furnace)
      if furnace.furnace_type == nil then
        ctx:insufficient_data { subject = furnace.id, needs = { field(furnace, "furnace_type") } }
      elseif furnace.furnace_type ~= "closed" then
        ctx:not_applicable { subject = furnace.id, reason = "an open or semi-closed furnace burns its gas at the charge surface; "
          .. "close it first (chemicals.carbide-closed-furnace)" }
      elseif ediag.implemented(plant, "carbide-furnace-gas-recovery", furnace.id) or used == 1 then
        ctx:not_applicable { subject = furnace.id, reason = "the furnace gas is already used" }
      else
        local needs = {}
        if used == nil then needs[#needs + 1] = field(furnace, "furnace_gas_utilisation") end
        for _, name in ipairs({ "output", "rated_capacity", "gas_replaces" }) do
          if furnace[name] == nil then needs[#needs + 1] = field(furnace, name) end
        end
        if #needs > 0 then
          ctx:insufficient_data { subject = furnace.id, needs = needs }
        else
          local gas_yield = furnace.furnace_gas_yield or params.gas_yield
          local gas = gas_yield * (1 - used) * furnace.output
          local heat = gas * params.gas_lhv * 1000 * params.use_efficiency
          local savings, evidence, interaction
          if furnace.gas_replaces == "steam" then
            savings, evidence, interaction = plant_heat.steam_savings(plant, furnace.id, plant_heat.steam_for_heat(heat))
          else
            local amount = plant_heat.carrier_for_heat(plant, furnace.gas_replaces, heat)
            savings = { [furnace.gas_replaces] = amount }
            evidence = { { name = "fuel replaced", value = amount, unit = ediag.carrier(furnace.gas_replaces).unit .. "/a",
                           source = field(furnace, "gas_replaces") } }
          end
          if savings == nil then
            ctx:insufficient_data { subject = furnace.id, needs = evidence }
          else
            table.insert(evidence, 1, { name = "unused furnace gas", value = gas, unit = "m3/a",
              source = (furnace.furnace_gas_yield and "furnace_gas_yield" or "parameter gas_yield (orientation)")
                .. " × unused share × output" })
            ctx:recommend {
              subject = furnace.id,
              savings = savings,
              interaction = interaction,
              investment = params.unit_cost * furnace.rated_capacity,
              lifetime = params.lifetime,
              confidence = "low",
              message = {
                en = "{unit} leaves {gas:0} m3 of furnace gas a year unused; burning it in place of {fuel} recovers {gj:0} GJ a year",
                zh = "{unit} 年约 {gas:0} m3 炉气未利用；替代 {fuel} 作燃料年可回收 {gj:0} GJ",
              },
              values = { unit = furnace.id, gas = gas, fuel = furnace.gas_replaces, gj = heat / 1e6 },
              evidence = evidence,
            }
          end
        end
      end
    end
  end,
}
