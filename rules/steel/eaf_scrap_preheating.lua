-- Scrap preheating on electric arc furnaces (shaft or continuous-charging) with the off-gas heat.

local steelworks = require("steelworks")

rule {
  id = "steel.eaf-scrap-preheating",
  title = { zh = "电弧炉废钢预热", en = "EAF scrap preheating" },
  sector = "steel",
  category = "saving_measure",
  measure = "eaf-scrap-preheating",
  summary = "An EAF melting cold scrap can preheat it with its own off-gas (shaft or continuous charging) and save "
    .. "electricity on the scrap share of the charge. The saving per t is an unverified orientation value: low confidence.",
  formula = "electricity (kWh/a) = saving (kWh/t scrap-based steel) × (1 − hot-metal ratio) × steel output (t/a); "
    .. "investment = unit cost (yuan per t/a) × steel output",
  references = {
    { standard = "LBNL ENERGY STAR iron and steel guide (2010), as an unverified orientation value in shared/reference §6",
      clause = "EAF scrap preheating saves ~60–100 kWh/t (not seen in a source; verify before use)", confidence = "low" },
  },
  parameters = {
    saving = { default = 80, unit = "kWh/t", min = 60, max = 100,
               doc = "Electricity saved per t steel from scrap (midpoint of ~60–100 kWh/t; unverified, low confidence)",
               source = "shared/reference §6: commonly cited, unverified LBNL orientation value ~60–100 kWh/t" },
    unit_cost = { default = 60, unit = "yuan/(t/a)", min = 20, max = 150,
                  doc = "Retrofit cost per t/a of steel output (orientation figure, not from a cited source (low confidence))" },
    lifetime = { default = 15, unit = "a", min = 8, max = 25,
                 doc = "Economic life (orientation figure, not from a cited source (low confidence))" },
  },
  examples = {
    -- EA1 without preheating: 80 kWh/t × (1 − 20 %) × 600 000 t = 38 400 000 kWh a year;
    -- investment 60 yuan/(t/a) × 600 000 t = 36 000 000 yuan.
    { name = "100 t EAF charging cold scrap", profile = "../../examples/plants/steel-leader.yaml",
      patch = { process_units = { EA1 = { scrap_preheating = false } } }, expect = "fires",
      findings = { { subject = "EA1", kwh = 38400000, investment = 36000000, confidence = "low" } } },
    { name = "preheating installed", profile = "../../examples/plants/steel-leader.yaml",
      expect = "not_applicable", subject = "EA1" },
    { name = "all hot metal", profile = "../../examples/plants/steel-leader.yaml",
      patch = { process_units = { EA1 = { scrap_preheating = false, hot_metal_ratio = "100 %" } } },
      expect = "not_applicable", subject = "EA1" },
  },
  applies = function(plant)
    if #ediag.units(plant, "eaf") == 0 then return false, "the profile lists no electric arc furnace" end
    return true
  end,
  evaluate = function(plant, ctx, params)
    for _, eaf in ipairs(ediag.units(plant, "eaf")) do
      if steelworks.already_done(plant, eaf, "eaf-scrap-preheating", eaf.scrap_preheating) then
        ctx:not_applicable { subject = eaf.id, reason = "scrap preheating is already installed" }
      elseif not steelworks.report_missing(ctx, eaf, { "steel_output", "hot_metal_ratio", "scrap_preheating" }, {
        en = "give the steel output (t), the hot-metal ratio (%) and whether scrap is preheated",
        zh = "需给出钢产量、入炉铁水比及是否已预热废钢",
      }) then
        local scrap_share = 1 - eaf.hot_metal_ratio / 100
        if scrap_share <= 0 then
          ctx:not_applicable { subject = eaf.id, reason = "the charge is all hot metal: there is no scrap to preheat" }
        else
          local kwh = params.saving * scrap_share * eaf.steel_output
          ctx:recommend {
            subject = eaf.id,
            savings = { electricity = kwh },
            investment = params.unit_cost * eaf.steel_output,
            lifetime = params.lifetime,
            confidence = "low",
            message = {
              en = "EAF {eaf} charges cold scrap: preheating saves about {saving} kWh/t × {share:0}% scrap × {output:0} t = {kwh:0} kWh a year",
              zh = "{eaf} 电弧炉冷废钢入炉：废钢预热约节电 {saving} kWh/t × 废钢比例 {share:0}% × {output:0} t = 年 {kwh:0} kWh",
            },
            values = { eaf = eaf.id, saving = params.saving, share = scrap_share * 100, output = eaf.steel_output, kwh = kwh },
            evidence = {
              { name = "steel output", value = eaf.steel_output, unit = "t", source = steelworks.field(eaf, "steel_output") },
              { name = "hot-metal ratio", value = eaf.hot_metal_ratio, unit = "%", source = steelworks.field(eaf, "hot_metal_ratio") },
            },
          }
        end
      end
    end
  end,
}
