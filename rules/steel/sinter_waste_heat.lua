-- Waste-heat power generation on sinter coolers (and main flue) that release their hot air unused.

local steelworks = require("steelworks")

rule {
  id = "steel.sinter-waste-heat-power",
  title = { zh = "烧结余热发电", en = "Sinter waste-heat power generation" },
  sector = "steel",
  category = "saving_measure",
  measure = "sinter-waste-heat-power",
  summary = "A sinter strand whose cooler heat is not recovered can raise steam from the hot cooler air and generate "
    .. "power; MIIT's 2010–12 programme fitted 82 strands for 5.19 bn yuan.",
  formula = "electricity (kWh/a) = generation (kWh/t sinter) × sinter output (t/a); "
    .. "investment = unit cost (yuan per kWh/a) × electricity (kWh/a)",
  references = {
    { standard = "cfmif.com news: MIIT sinter waste-heat power programme 2010–12",
      clause = "82 sinter machines, capex 5.19 bn yuan, 1.575 Mtce/a savings capacity (≈ 63 M yuan and ≈ 19 ktce/a per machine)",
      confidence = "medium" },
  },
  parameters = {
    generation = { default = 15, unit = "kWh/t", min = 8, max = 25,
                   doc = "Net generation per t sinter (orientation figure, not from a cited source (low confidence))" },
    unit_cost = { default = 1.0, unit = "yuan/(kWh/a)", min = 0.4, max = 2.0,
                  doc = "Investment per kWh/a of generation. Orientation figure, not from a cited source (low confidence): the MIIT "
                    .. "programme's 5.19 bn yuan for 1.575 Mtce/a is ≈ 3300 yuan per tce/a, ≈ 1.05 yuan per kWh/a only if its tce were "
                    .. "counted at ≈ 0.32 kgce/kWh, a basis the source does not state",
                  source = "cfmif.com (MIIT programme 2010–12), derived with an assumed counting basis" },
    lifetime = { default = 15, unit = "a", min = 10, max = 25,
                 doc = "Economic life (orientation figure, not from a cited source (low confidence))" },
  },
  applies = function(plant)
    if #ediag.units(plant, "sinter_machine") == 0 then return false, "the profile lists no sinter machine" end
    return true
  end,
  evaluate = function(plant, ctx, params)
    for _, strand in ipairs(ediag.units(plant, "sinter_machine")) do
      if steelworks.already_done(plant, strand, "sinter-waste-heat-power", strand.waste_heat_recovery) then
        ctx:not_applicable { subject = strand.id, reason = "the cooler waste heat is already recovered" }
      elseif not steelworks.report_missing(ctx, strand, { "sinter_output", "waste_heat_recovery" }, {
        en = "give the sinter produced (t) and whether the cooler waste heat is recovered", zh = "需给出烧结矿产量及是否已回收环冷余热",
      }) then
        local kwh = params.generation * strand.sinter_output
        ctx:recommend {
          subject = strand.id,
          savings = { electricity = kwh },
          investment = params.unit_cost * kwh,
          lifetime = params.lifetime,
          confidence = "low",
          message = {
            en = "Sinter strand {strand} recovers no cooler heat: about {gen} kWh/t × {output:0} t sinter = {kwh:0} kWh a year",
            zh = "{strand} 烧结机未回收环冷余热：约 {gen} kWh/t × {output:0} t 烧结矿 = 年发电 {kwh:0} kWh",
          },
          values = { strand = strand.id, gen = params.generation, output = strand.sinter_output, kwh = kwh },
          evidence = {
            { name = "sinter output", value = strand.sinter_output, unit = "t", source = steelworks.field(strand, "sinter_output") },
            { name = "waste heat recovered", value = strand.waste_heat_recovery, source = steelworks.field(strand, "waste_heat_recovery") },
          },
        }
      end
    end
  end,
}
