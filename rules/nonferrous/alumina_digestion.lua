-- Digestion heat recovery in Bayer alumina refineries.

local steam = require("steam")

rule {
  id = "nonferrous.alumina-digestion-heat-recovery",
  title = { zh = "氧化铝溶出余热回收强化", en = "Alumina digestion heat recovery" },
  sector = "nonferrous",
  category = "saving_measure",
  measure = "digestion-heat-recovery",
  summary = "A Bayer refinery whose digestion uses more live steam per t alumina than the target recovers more of the "
    .. "slurry flash steam and condensate heat to preheat the slurry (more flash stages, larger heaters); the live "
    .. "steam saved is counted in the fuel or purchased steam that raises it.",
  formula = "steam saved (t/a) = (digestion steam − target) × alumina output; fuel saved = steam × 128.6 kgce/t ÷ "
    .. "(boiler efficiency × fuel kgce per unit); investment = unit cost × capacity (or output)",
  references = {
    { standard = "GB/T 2589-2020", clause = "Appendix A: low-pressure steam 128.6 kgce/t; fuel coefficients", confidence = "high" },
    { standard = "GB 24500-2020", clause = "grade 3 boiler design efficiency, as the default boiler efficiency", confidence = "high" },
    { standard = "ediag orientation figures", clause = "target digestion steam, cost and life are not from a cited source",
      confidence = "low" },
  },
  parameters = {
    target_steam = { default = 1.3, unit = "t/t", min = 0.5, max = 3,
                     doc = "Live digestion steam per t alumina reachable with upgraded heat recovery; orientation figure, not from a cited source (low confidence)" },
    unit_cost = { default = 30, unit = "yuan/(t/a)", min = 10, max = 100,
                  doc = "Investment per t/a of alumina capacity; orientation figure, not from a cited source (low confidence)" },
    lifetime = { default = 15, unit = "a", min = 10, max = 25,
                 doc = "Life of the heaters and flash vessels; orientation figure, not from a cited source (low confidence)" },
  },
  applies = function(plant)
    if #ediag.units(plant, "alumina_refinery") == 0 then return false, "no alumina refinery" end
    return true
  end,
  evaluate = function(plant, ctx, params)
    for _, refinery in ipairs(ediag.units(plant, "alumina_refinery")) do
      local field = "process_units[" .. refinery.id .. "]."
      if refinery.route == nil then
        ctx:insufficient_data { subject = refinery.id, needs = { field .. "route" },
                                message = { en = "give the route: this measure is for Bayer refineries", zh = "需注明工艺路线（本措施适用于拜耳法）" } }
      elseif refinery.route ~= "bayer" then
        ctx:not_applicable { subject = refinery.id, reason = "not a Bayer refinery" }
      elseif refinery.digestion_heat_recovery_upgraded or ediag.implemented(plant, "digestion-heat-recovery", refinery.id) then
        ctx:not_applicable { subject = refinery.id, reason = "digestion heat recovery is already upgraded" }
      elseif refinery.digestion_steam == nil or refinery.alumina_output == nil then
        local needs = {}
        if refinery.digestion_steam == nil then needs[#needs + 1] = field .. "digestion_steam" end
        if refinery.alumina_output == nil then needs[#needs + 1] = field .. "alumina_output" end
        ctx:insufficient_data { subject = refinery.id, needs = needs }
      elseif refinery.digestion_steam <= params.target_steam then
        ctx:not_applicable { subject = refinery.id, reason = "digestion steam is already at or below the target" }
      else
        local tonnes = (refinery.digestion_steam - params.target_steam) * refinery.alumina_output
        local savings, evidence, counted, interaction = steam.savings(plant, refinery.id, tonnes)
        if savings == nil then
          ctx:insufficient_data { subject = refinery.id, needs = evidence,
                                  message = { en = "say how the refinery's steam is raised: purchased (energy.steam) or a boiler",
                                              zh = "需说明蒸汽来源：外购蒸汽或锅炉" } }
        else
          local capacity = refinery.capacity or refinery.alumina_output
          evidence[#evidence + 1] = { name = "digestion steam", value = refinery.digestion_steam, unit = "t/t",
                                      source = field .. "digestion_steam" }
          evidence[#evidence + 1] = { name = "investment driver", value = capacity, unit = "t/a",
                                      source = refinery.capacity and (field .. "capacity") or (field .. "alumina_output (no capacity given)") }
          ctx:recommend {
            subject = refinery.id,
            savings = savings,
            interaction = interaction,
            investment = params.unit_cost * capacity,
            lifetime = params.lifetime,
            confidence = "low",
            message = {
              en = "{id} uses {ds} t live steam per t alumina in digestion (target {target}); better flash-steam recovery saves {steam:0} t steam a year ({tce:0} tce)",
              zh = "{id} 溶出新蒸汽单耗 {ds} t/t（目标 {target}）；强化溶出乏汽与冷凝水余热回收年节汽 {steam:0} t（{tce:0} tce）",
            },
            values = { id = refinery.id, ds = refinery.digestion_steam, target = params.target_steam, steam = counted },
            evidence = evidence,
          }
        end
      end
    end
  end,
}
