-- Coke dry quenching (CDQ) in place of wet quenching: the sensible heat of the red-hot coke raises steam
-- instead of being lost with the quench-tower vapour.

local steelworks = require("steelworks")

rule {
  id = "steel.cdq",
  title = { zh = "干熄焦（CDQ）替代湿熄焦", en = "Coke dry quenching (CDQ) instead of wet quenching" },
  sector = "steel",
  category = "saving_measure",
  measure = "cdq",
  summary = "A wet-quenched battery loses the sensible heat of its coke with about 0.5 t of vapour per t coke; a CDQ "
    .. "unit recovers it as steam, cuts CO2 by 0.11–0.14 t and dust by 300–400 g per t coke and improves coke strength. "
    .. "After conversion the battery no longer earns GB 21342-2025's +46.46 kgce/t wet-quench allowance at grade 3.",
  formula = "steam (t/a) = steam yield (t/t coke) × coke output (t/a); investment = unit cost (yuan per t/a) × coke output (t/a)",
  references = {
    { standard = "Tata Steel release; ispatguru (CDQ vs wet quench)",
      clause = "wet quench releases ≈ 0.5 t steam/t coke and uses ≈ 0.6 m³ water/t; CO2 −0.11 to −0.14 t/t coke; dust −300–400 g/t",
      confidence = "medium" },
    { standard = "GB 21342-2025", clause = "wet-quenching allowance +46.46 kgce/t, grade 3 only", confidence = "high" },
  },
  parameters = {
    steam_yield = { default = 0.5, unit = "t/t", min = 0.4, max = 0.6,
                    doc = "Steam raised by the CDQ boiler per t coke. Orientation figure, not from a cited source (low confidence): "
                      .. "the reference only gives the ≈ 0.5 t vapour per t coke that wet quenching releases",
                    source = "ispatguru via shared/reference §6: wet quench releases ≈ 0.5 t steam/t coke (used as an orientation value)" },
    unit_cost = { default = 170, unit = "yuan/(t/a)", min = 80, max = 400,
                  doc = "Installed CDQ cost per t/a of coke output (orientation figure, not from a cited source (low confidence))" },
    lifetime = { default = 20, unit = "a", min = 10, max = 30,
                 doc = "Economic life of the CDQ unit (orientation figure, not from a cited source (low confidence))" },
  },
  applies = function(plant)
    if #ediag.units(plant, "coke_oven") == 0 then return false, "the profile lists no coke oven" end
    return true
  end,
  evaluate = function(plant, ctx, params)
    for _, oven in ipairs(ediag.units(plant, "coke_oven")) do
      if steelworks.already_done(plant, oven, "cdq", oven.quenching == "dry") then
        ctx:not_applicable { subject = oven.id, reason = "the coke is already dry-quenched" }
      elseif not steelworks.report_missing(ctx, oven, { "quenching", "coke_output" }, {
        en = "give the quenching method (wet or dry) and the coke produced (t)", zh = "需给出熄焦方式和焦炭产量",
      }) then
        local steam = params.steam_yield * oven.coke_output
        ctx:recommend {
          subject = oven.id,
          savings = { steam = steam },
          investment = params.unit_cost * oven.coke_output,
          lifetime = params.lifetime,
          confidence = "low",
          message = {
            en = "Battery {oven} quenches {output:0} t coke a year wet: CDQ would raise about {yield} t steam/t coke = {steam:0} t steam a year "
              .. "(the +46.46 kgce/t wet-quench allowance of GB 21342-2025 grade 3 then no longer applies)",
            zh = "{oven} 焦炉年湿熄焦 {output:0} t：改干熄焦约产汽 {yield} t/t 焦 = 年 {steam:0} t 蒸汽（改造后不再享受 GB 21342-2025 3级湿熄焦修正 46.46 kgce/t）",
          },
          values = { oven = oven.id, output = oven.coke_output, yield = params.steam_yield, steam = steam },
          evidence = {
            { name = "coke output", value = oven.coke_output, unit = "t", source = steelworks.field(oven, "coke_output") },
            { name = "quenching", value = oven.quenching, source = steelworks.field(oven, "quenching") },
          },
        }
      end
    end
  end,
}
