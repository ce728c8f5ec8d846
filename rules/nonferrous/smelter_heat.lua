-- Smelter waste heat: power from surplus waste-heat-boiler steam, and acid-plant absorption heat recovery.

local steam = require("steam")
local smelting = require("smelting")

rule {
  id = "nonferrous.smelter-waste-heat-power",
  title = { zh = "冶炼炉余热锅炉蒸汽发电", en = "Power from surplus smelting waste-heat steam" },
  sector = "nonferrous",
  category = "saving_measure",
  measure = "waste-heat-power",
  summary = "Flash, bath and converting furnaces cool their off-gas in waste-heat boilers; steam the process does not "
    .. "use can drive a saturated-steam turbine generator instead of being vented.",
  formula = "electricity saved (kWh/a) = surplus steam (t/a) × generation (kWh/t); investment = unit cost × "
    .. "electricity / operating hours; O&M = share × investment",
  references = {
    { standard = "ediag orientation figures", clause = "generation per t steam, cost, hours, O&M and life are not from a cited source",
      confidence = "low" },
  },
  parameters = {
    generation = { default = 150, unit = "kWh/t", min = 80, max = 250,
                   doc = "Net generation per t of saturated waste-heat steam; orientation figure, not from a cited source (low confidence)" },
    unit_cost = { default = 8000, unit = "yuan/kW", min = 4000, max = 15000,
                  doc = "Installed cost of the turbine generator set per kW; orientation figure, not from a cited source (low confidence)" },
    operating_hours = { default = 8000, unit = "h/a", min = 5000, max = 8760,
                        doc = "Generator hours a year, to size it; orientation figure, not from a cited source (low confidence)" },
    om_share = { default = 0.03, unit = "1/a", min = 0, max = 0.1,
                 doc = "O&M cost a year as a share of the investment; orientation figure, not from a cited source (low confidence)" },
    lifetime = { default = 20, unit = "a", min = 10, max = 30,
                 doc = "Life of the generator set; orientation figure, not from a cited source (low confidence)" },
  },
  applies = function(plant)
    if #ediag.units(plant, "smelter") == 0 then return false, "no smelter" end
    return true
  end,
  evaluate = function(plant, ctx, params)
    for _, smelter in ipairs(ediag.units(plant, "smelter")) do
      if not smelting.has_furnace(smelter) then
        ctx:not_applicable { subject = smelter.id, reason = "electrolytic refining has no furnace off-gas" }
      elseif smelter.waste_heat_power or ediag.implemented(plant, "waste-heat-power", smelter.id) then
        ctx:not_applicable { subject = smelter.id, reason = "the waste-heat steam already drives a generator" }
      elseif smelter.waste_heat_boiler == false then
        ctx:not_applicable { subject = smelter.id, reason = "the off-gas passes no waste-heat boiler" }
      elseif smelter.waste_heat_boiler == nil or smelter.waste_heat_steam_surplus == nil then
        ctx:insufficient_data {
          subject = smelter.id,
          needs = { smelting.field(smelter, "waste_heat_boiler"), smelting.field(smelter, "waste_heat_steam_surplus") },
          message = { en = "say whether a waste-heat boiler is fitted and measure the steam the process does not use (t)",
                      zh = "需说明是否配置余热锅炉，并计量未被工艺利用的余热蒸汽量" },
        }
      elseif smelter.waste_heat_steam_surplus == 0 then
        ctx:not_applicable { subject = smelter.id, reason = "the process uses all the waste-heat steam" }
      else
        local kwh = smelter.waste_heat_steam_surplus * params.generation
        local investment = params.unit_cost * kwh / params.operating_hours
        ctx:recommend {
          subject = smelter.id,
          savings = { electricity = kwh },
          investment = investment,
          lifetime = params.lifetime,
          om_cost = params.om_share * investment,
          confidence = "low",
          message = {
            en = "{id} vents {steam:0} t of waste-heat steam a year; a turbine generator makes about {gen} kWh/t, {kwh:0} kWh a year",
            zh = "{id} 年放散余热蒸汽 {steam:0} t；配置汽轮发电机组按 {gen} kWh/t 计年发电 {kwh:0} kWh",
          },
          values = { id = smelter.id, steam = smelter.waste_heat_steam_surplus, gen = params.generation, kwh = kwh },
          evidence = {
            { name = "surplus waste-heat steam", value = smelter.waste_heat_steam_surplus, unit = "t",
              source = smelting.field(smelter, "waste_heat_steam_surplus") },
          },
        }
      end
    end
  end,
}

rule {
  id = "nonferrous.acid-plant-heat-recovery",
  title = { zh = "制酸系统低温位余热回收", en = "Acid-plant absorption heat recovery" },
  sector = "nonferrous",
  category = "saving_measure",
  measure = "acid-heat-recovery",
  summary = "The absorption section of a smelter-gas acid plant rejects its heat to cooling water; a heat-recovery "
    .. "absorption tower raises low-pressure steam from it, which replaces purchased or boiler steam.",
  formula = "steam (t/a) = acid output (t/a) × steam yield (t/t), capped at purchased steam when that is the source; "
    .. "fuel saved = steam × 128.6 kgce/t ÷ (boiler efficiency × fuel kgce per unit); investment = unit cost × acid output",
  references = {
    { standard = "GB/T 2589-2020", clause = "Appendix A: low-pressure steam 128.6 kgce/t; fuel coefficients", confidence = "high" },
    { standard = "GB 24500-2020", clause = "grade 3 boiler design efficiency, as the default boiler efficiency", confidence = "high" },
    { standard = "ediag orientation figures", clause = "steam yield, cost and life are not from a cited source", confidence = "low" },
  },
  parameters = {
    steam_yield = { default = 0.3, unit = "t/t", min = 0.1, max = 0.5,
                    doc = "Low-pressure steam per t acid (100 % H2SO4) from smelter gas; orientation figure, not from a cited source (low confidence)" },
    unit_cost = { default = 60, unit = "yuan/(t/a)", min = 20, max = 150,
                  doc = "Investment per t/a of acid; orientation figure, not from a cited source (low confidence)" },
    lifetime = { default = 15, unit = "a", min = 10, max = 25,
                 doc = "Life of the heat-recovery tower and boiler; orientation figure, not from a cited source (low confidence)" },
  },
  applies = function(plant)
    if #ediag.units(plant, "smelter") == 0 then return false, "no smelter" end
    return true
  end,
  evaluate = function(plant, ctx, params)
    for _, smelter in ipairs(ediag.units(plant, "smelter")) do
      if smelter.acid_heat_recovery or ediag.implemented(plant, "acid-heat-recovery", smelter.id) then
        ctx:not_applicable { subject = smelter.id, reason = "the acid plant already recovers its absorption heat" }
      elseif smelter.acid_output == nil then
        if smelting.makes_acid(smelter) then
          ctx:insufficient_data { subject = smelter.id, needs = { smelting.field(smelter, "acid_output") },
                                  message = { en = "give the sulfuric acid made from the smelter gas (t), 0 if none",
                                              zh = "需填写烟气制酸产量（t），无制酸时填 0" } }
        else
          ctx:not_applicable { subject = smelter.id, reason = "no acid plant recorded for this smelter" }
        end
      elseif smelter.acid_output > 0 then
        local tonnes = smelter.acid_output * params.steam_yield
        local savings, evidence, counted, interaction = steam.savings(plant, smelter.id, tonnes)
        if savings == nil then
          ctx:insufficient_data { subject = smelter.id, needs = evidence,
                                  message = { en = "say how the plant's steam is raised: purchased (energy.steam) or a boiler",
                                              zh = "需说明蒸汽来源：外购蒸汽或锅炉" } }
        else
          ctx:recommend {
            subject = smelter.id,
            savings = savings,
            interaction = interaction,
            investment = params.unit_cost * smelter.acid_output,
            lifetime = params.lifetime,
            confidence = "low",
            message = {
              en = "{id}'s acid plant ({acid:0} t acid) rejects its absorption heat; heat recovery raises about {steam:0} t "
                .. "of low-pressure steam a year ({tce:0} tce)",
              zh = "{id} 制酸系统（{acid:0} t 硫酸）吸收热未回收；低温位余热回收年产低压蒸汽约 {steam:0} t（{tce:0} tce）",
            },
            values = { id = smelter.id, acid = smelter.acid_output, steam = counted },
            evidence = evidence,
          }
        end
      end
    end
  end,
}
