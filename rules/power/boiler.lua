-- Boiler-side measures on coal-fired units: a low-temperature economizer on hot exhaust gas, and
-- plasma / tiny-oil ignition in place of oil burners for start-up and low-load support.

local power_units = require("power_units")

local ORIENTATION = "orientation figure, not from a cited source (low confidence)"
local NO_CITED_FIGURES = { standard = "shared/reference/energy-figures.md §6",
                           clause = "no cited figures for utility-boiler measures: savings, costs and lives are orientation parameters",
                           confidence = "low" }
local path = power_units.field_path

-- Oils burnt for boiler start-up and flame support, as energy carriers of the profile.
local IGNITION_OILS = { "diesel", "fuel_oil" }

rule {
  id = "power.low-temperature-economizer",
  title = { zh = "低温省煤器（烟气余热回收）", en = "Low-temperature economizer (flue-gas heat recovery)" },
  sector = "power",
  category = "saving_measure",
  measure = "low-temperature-economizer",
  summary = "A coal-fired unit whose boiler exhaust gas leaves the air heater well above what a flue-gas cooler can "
    .. "reach loses that heat up the stack; a low-temperature economizer cools the gas and heats condensate, "
    .. "displacing low-pressure extraction steam. The saving is proportional to the temperature drop.",
  formula = "Δb (gce/kWh) = (exhaust-gas temperature − target) × sensitivity, when the drop ≥ the minimum; coal saved = "
    .. "Δb × electricity supplied; investment = unit cost × capacity",
  references = {
    { standard = "GB 21258-2024", clause = "supply coal rate (供电煤耗率) as the measure of unit efficiency", confidence = "high" },
    NO_CITED_FIGURES,
  },
  parameters = {
    target_temperature = { default = 90, unit = "°C", min = 70, max = 120,
                           doc = "Gas temperature after the economizer, kept above the acid dew point — " .. ORIENTATION },
    min_drop = { default = 20, unit = "K", min = 5, max = 60,
                 doc = "Smallest temperature drop worth an economizer — " .. ORIENTATION },
    sensitivity = { default = 0.05, unit = "gce/kWh", min = 0.02, max = 0.12,
                    doc = "Supply coal rate saved per kelvin of exhaust-gas cooling (heat to condensate) — " .. ORIENTATION },
    unit_cost = { default = 40, unit = "yuan/kW", min = 15, max = 100,
                  doc = "Economizer, ducting and condensate piping per kW of capacity — " .. ORIENTATION },
    lifetime = { default = 15, unit = "a", min = 8, max = 25, doc = "Economizer life (acid corrosion) — " .. ORIENTATION },
  },
  applies = power_units.has_coal_unit,
  evaluate = function(plant, ctx, params)
    for _, unit in ipairs(ediag.units(plant, "power_unit")) do
      if power_units.done(plant, unit, "low-temperature-economizer", "low_temperature_economizer") then
        ctx:not_applicable { subject = unit.id, reason = "a low-temperature economizer is already fitted" }
      else
        local supplied, needs = power_units.supplied_and_missing(unit, { "exhaust_gas_temperature", "capacity" })
        if #needs > 0 then
          ctx:insufficient_data { subject = unit.id, needs = needs }
        else
          local drop = unit.exhaust_gas_temperature - params.target_temperature
          if drop >= params.min_drop then
            local cut = drop * params.sensitivity
            local tce = power_units.tce_of_rate_cut(cut, supplied)
            ctx:recommend {
              subject = unit.id,
              savings = { [power_units.fuel(unit)] = power_units.fuel_for_tce(plant, unit, tce) },
              interaction = power_units.interaction(plant, unit),
              investment = params.unit_cost * unit.capacity * 1000,
              lifetime = params.lifetime,
              confidence = "low",
              message = {
                en = "{unit}: exhaust gas leaves at {t:0} °C; a low-temperature economizer cooling it to {target:0} °C cuts "
                  .. "about {cut:2} gce/kWh, {tce:0} tce a year",
                zh = "{unit}：排烟温度 {t:0} °C；加装低温省煤器降至 {target:0} °C，约降低供电煤耗 {cut:2} gce/kWh，年节约 {tce:0} tce",
              },
              values = { unit = unit.id, t = unit.exhaust_gas_temperature, target = params.target_temperature, cut = cut, tce = tce },
              evidence = {
                { name = "exhaust-gas temperature", value = unit.exhaust_gas_temperature, unit = "°C", source = path(unit, "exhaust_gas_temperature") },
                { name = "electricity supplied", value = supplied, unit = "kWh", source = power_units.supplied_source(unit) },
              },
            }
          end
        end
      end
    end
  end,
}

--- Oil burnt by the plant per carrier (t over the period), for the oils it records.
local function ignition_oil_use(plant)
  local uses = {}
  local energy = plant.energy
  if energy == nil then return uses end
  for _, carrier in ipairs(IGNITION_OILS) do
    local use = energy[carrier]
    if use ~= nil and use.consumption > 0 then uses[#uses + 1] = { carrier = carrier, amount = use.consumption } end
  end
  return uses
end

rule {
  id = "power.oil-free-ignition",
  title = { zh = "等离子/微油点火改造", en = "Plasma or tiny-oil ignition" },
  sector = "power",
  category = "saving_measure",
  measure = "oil-free-ignition",
  summary = "Pulverised-coal boilers that start up and support low-load flames with oil burners burn diesel or fuel "
    .. "oil; plasma or tiny-oil ignition lights the coal directly. The plant's oil use is shared among its coal units "
    .. "by capacity; the oil saved is replaced by coal of the same heat, so the measure saves money and oil rather than "
    .. "energy.",
  formula = "oil saved (t/a) = plant oil use × unit capacity / total coal-unit capacity × share avoided; extra coal (t/a) = "
    .. "oil saved in tce / coal kgce per t; investment = unit cost × capacity",
  references = { NO_CITED_FIGURES,
                 { standard = "GB/T 2589-2020 Appendix A", clause = "diesel 1.4571, fuel oil 1.4286, raw coal 0.7143 kgce/kg (shared/reference §3.1)",
                   confidence = "high" } },
  parameters = {
    avoided_share = { default = 0.8, unit = "1", min = 0.3, max = 1,
                      doc = "Share of ignition and support oil the conversion avoids — " .. ORIENTATION },
    unit_cost = { default = 6, unit = "yuan/kW", min = 2, max = 20,
                  doc = "Plasma or tiny-oil burner conversion per kW of capacity — " .. ORIENTATION },
    lifetime = { default = 10, unit = "a", min = 5, max = 20, doc = "Life of the ignition system — " .. ORIENTATION },
  },
  applies = function(plant)
    local has, reason = power_units.has_coal_unit(plant)
    if not has then return false, reason end
    if #ignition_oil_use(plant) == 0 then return false, "the profile records no diesel or fuel-oil use" end
    return true
  end,
  evaluate = function(plant, ctx, params)
    local units = ediag.units(plant, "power_unit")
    local total_capacity, capacity_needs = 0, {}
    for _, unit in ipairs(units) do
      if unit.capacity == nil then capacity_needs[#capacity_needs + 1] = path(unit, "capacity")
      else total_capacity = total_capacity + unit.capacity end
    end
    local oils = ignition_oil_use(plant)
    for _, unit in ipairs(units) do
      if power_units.done(plant, unit, "oil-free-ignition", "oil_free_ignition") then
        ctx:not_applicable { subject = unit.id, reason = "plasma or tiny-oil ignition is already fitted" }
      elseif unit.boiler == "cfb" or unit.boiler == "w_flame" then
        ctx:not_applicable { subject = unit.id, reason = "plasma ignition is for pulverised-coal burners; this boiler is " .. unit.boiler }
      elseif unit.boiler == nil or #capacity_needs > 0 then
        local needs = power_units.append({}, capacity_needs)
        if unit.boiler == nil then needs[#needs + 1] = path(unit, "boiler") end
        ctx:insufficient_data { subject = unit.id, needs = needs }
      else
        local share = unit.capacity / total_capacity
        local savings, oil_tce, evidence = {}, 0, {}
        for _, oil in ipairs(oils) do
          local saved = oil.amount * share * params.avoided_share
          savings[oil.carrier] = saved
          oil_tce = oil_tce + saved * power_units.kgce_per_unit(plant, oil.carrier) / 1000
          evidence[#evidence + 1] = { name = oil.carrier .. " used by the plant", value = oil.amount, unit = "t",
                                      source = "energy." .. oil.carrier .. ".consumption" }
        end
        savings.raw_coal = -power_units.fuel_for_tce(plant, unit, oil_tce)
        evidence[#evidence + 1] = { name = "capacity share", value = share, unit = "1",
                                    source = path(unit, "capacity") .. " ÷ total coal-unit capacity" }
        ctx:recommend {
          subject = unit.id,
          savings = savings,
          interaction = power_units.interaction(plant, unit),
          investment = params.unit_cost * unit.capacity * 1000,
          lifetime = params.lifetime,
          confidence = "low",
          message = {
            en = "{unit}: plasma or tiny-oil ignition avoids about {share:0}% of its share of the plant's ignition oil, "
              .. "{oil:1} tce of oil a year replaced by coal",
            zh = "{unit}：等离子/微油点火可减少其分摊点火及助燃用油约 {share:0}%，年约 {oil:1} tce 燃油改由燃煤替代",
          },
          values = { unit = unit.id, share = params.avoided_share * 100, oil = oil_tce },
          evidence = evidence,
        }
      end
    end
  end,
}
