-- Mechanical vapour recompression: the vapour an evaporator boils off is compressed and reused as
-- its heating steam, so live steam is replaced by compressor electricity.

local chemical_limits = require("chemical_limits")
local plant_heat = require("plant_heat")

local field = chemical_limits.field

local ELECTRICITY_KGCE = ediag.carrier("electricity").kgce_per_unit

--- Coal equivalent (kgce) of a savings table at the plant's calorific values.
local function kgce_of(plant, savings)
  local total = 0
  for carrier, amount in pairs(savings) do
    if carrier == "electricity" then
      total = total + amount * ELECTRICITY_KGCE
    else
      total = total + amount * plant_heat.kgce_per_unit(plant, carrier)
    end
  end
  return total
end

rule {
  id = "chemicals.mvr-evaporation",
  title = { zh = "MVR 机械蒸汽再压缩蒸发", en = "MVR (mechanical vapour recompression) evaporation" },
  sector = "chemicals",
  category = "saving_measure",
  measure = "mvr-evaporation",
  summary = "An evaporator heated by live steam (single or multiple effect, or thermal recompression) can be converted to "
    .. "MVR: the boiled-off vapour is recompressed and condenses in the heater, so almost all live steam is replaced "
    .. "by compressor power. Recommended only when the steam saved outweighs the added electricity in coal equivalent.",
  formula = "steam saved (t/a) = live steam × (1 − residual share); electricity added (kWh/a) = MVR specific power × water "
    .. "evaporated; recommended when kgce(steam) > kgce(electricity); investment = unit cost (yuan per t/h) × capacity (t/h)",
  references = {
    { standard = "ediag orientation parameters", clause = "MVR specific power, residual steam and cost are not in shared/reference (low confidence)",
      confidence = "low" },
    { standard = "GB/T 2589-2020", clause = "electricity 0.1229 kgce/kWh; low-pressure steam 128.6 kgce/t (shared/reference §3.1)",
      confidence = "high" },
  },
  parameters = {
    mvr_power = { default = 30, unit = "kWh/t", min = 15, max = 60,
      doc = "Compressor power per t water evaporated — orientation figure, not from a cited source (low confidence)" },
    residual_steam_share = { default = 0.05, unit = "1", min = 0, max = 0.3,
      doc = "Share of today's live steam still needed (start-up, make-up heat) — orientation figure, not from a cited source (low confidence)" },
    unit_cost = { default = 400000, unit = "yuan/(t/h)", min = 150000, max = 1000000,
      doc = "MVR plant cost per t/h of evaporation capacity — orientation figure, not from a cited source (low confidence)" },
    lifetime = { default = 15, unit = "a", min = 8, max = 25,
      doc = "Economic life — orientation figure, not from a cited source (low confidence)" },
  },
  applies = function(plant)
    if #ediag.units(plant, "evaporator") == 0 then return false, "no evaporator process unit" end
    return true
  end,
  evaluate = function(plant, ctx, params)
    for _, evaporator in ipairs(ediag.units(plant, "evaporator")) do
      if evaporator.evaporation_type == "mvr" then
        ctx:not_applicable { subject = evaporator.id, reason = "the evaporator already uses MVR" }
      elseif ediag.implemented(plant, "mvr-evaporation", evaporator.id) then
        ctx:not_applicable { subject = evaporator.id, reason = "MVR is listed as implemented" }
      else
        local needs = {}
        for _, name in ipairs({ "evaporation_type", "steam_consumption", "water_evaporated", "capacity" }) do
          if evaporator[name] == nil then needs[#needs + 1] = field(evaporator, name) end
        end
        if #needs > 0 then
          ctx:insufficient_data { subject = evaporator.id, needs = needs }
        else
          local steam_saved = evaporator.steam_consumption * (1 - params.residual_steam_share)
          local steam_savings, evidence, interaction = plant_heat.steam_savings(plant, evaporator.serves or evaporator.id, steam_saved)
          if steam_savings == nil then
            ctx:insufficient_data { subject = evaporator.id, needs = evidence }
          else
            local power_added = params.mvr_power * evaporator.water_evaporated
            local savings = plant_heat.add_savings(steam_savings, { electricity = -power_added })
            if kgce_of(plant, savings) <= 0 then
              ctx:not_applicable { subject = evaporator.id, reason = "MVR power would outweigh the steam saved in coal equivalent" }
            else
              evidence[#evidence + 1] = { name = "live steam today", value = evaporator.steam_consumption, unit = "t",
                                          source = field(evaporator, "steam_consumption") }
              evidence[#evidence + 1] = { name = "water evaporated", value = evaporator.water_evaporated, unit = "t",
                                          source = field(evaporator, "water_evaporated") }
              evidence[#evidence + 1] = { name = "compressor power added", value = power_added, unit = "kWh/a",
                                          source = "parameter mvr_power (orientation) × water evaporated" }
              ctx:recommend {
                subject = evaporator.id,
                savings = savings,
                interaction = interaction,
                investment = params.unit_cost * evaporator.capacity,
                lifetime = params.lifetime,
                confidence = "low",
                message = {
                  en = "{unit} ({type}) uses {steam:0} t live steam a year; MVR would replace {saved:0} t of it with "
                    .. "{power:0} kWh of compressor power",
                  zh = "{unit}（{type}）年耗新鲜蒸汽 {steam:0} t；改 MVR 可替代其中 {saved:0} t，新增压缩机电耗 {power:0} kWh",
                },
                values = { unit = evaporator.id, type = evaporator.evaporation_type, steam = evaporator.steam_consumption,
                           saved = steam_saved, power = power_added },
                evidence = evidence,
              }
            end
          end
        end
      end
    end
  end,
}
