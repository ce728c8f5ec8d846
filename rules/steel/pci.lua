-- Raising pulverised-coal injection (PCI) on blast furnaces: injected coal replaces part of the coke.

local steelworks = require("steelworks")

rule {
  id = "steel.pci-increase",
  title = { zh = "提高高炉喷煤比", en = "Raise blast-furnace pulverised-coal injection" },
  sector = "steel",
  category = "saving_measure",
  measure = "pci",
  summary = "A blast furnace injecting less coal than the target rate can inject more and charge less coke; the saving is "
    .. "the coke replaced less the coal injected (booked as raw coal), and the cost gap between coke and coal. "
    .. "Rates and replacement ratio are orientation values: low confidence.",
  formula = "extra coal (t/a) = (target − PCI rate) (kg/t) × hot metal (t/a) / 1000; coke saved (t/a) = replacement ratio × extra coal; "
    .. "savings = {coke = +coke saved, raw_coal = −extra coal}; investment = unit cost (yuan per t/a of extra coal) × extra coal",
  references = {
    { standard = "LBNL ENERGY STAR iron and steel guide (2010), as an unverified orientation value in shared/reference §6",
      clause = "PCI up to ~200 kg/tHM (unverified; verify before use)", confidence = "low" },
  },
  parameters = {
    target_rate = { default = 150, unit = "kg/t", min = 100, max = 200,
                    doc = "PCI rate to reach (orientation figure, not from a cited source (low confidence); ~200 kg/t is the unverified upper value)",
                    source = "shared/reference §6: PCI up to ~200 kg/tHM (unverified)" },
    replacement_ratio = { default = 0.85, unit = "1", min = 0.6, max = 1.0,
                          doc = "kg coke replaced per kg coal injected (orientation figure, not from a cited source (low confidence)). "
                            .. "The reference's unverified hint of ~1.4 kg coke per kg coal is not used: above 1 it would make coal a "
                            .. "better reductant than coke per kg, against engineering experience" },
    unit_cost = { default = 150, unit = "yuan/(t/a)", min = 50, max = 500,
                  doc = "Injection-plant extension (mill, drying, distribution) per t/a of extra coal (orientation figure, not from a cited source (low confidence))" },
    lifetime = { default = 15, unit = "a", min = 8, max = 25,
                 doc = "Economic life (orientation figure, not from a cited source (low confidence))" },
  },
  applies = function(plant)
    if #ediag.units(plant, "blast_furnace") == 0 then return false, "the profile lists no blast furnace" end
    return true
  end,
  evaluate = function(plant, ctx, params)
    for _, bf in ipairs(ediag.units(plant, "blast_furnace")) do
      if steelworks.already_done(plant, bf, "pci") then
        ctx:not_applicable { subject = bf.id, reason = "raising the injection rate is listed as implemented" }
      elseif not steelworks.report_missing(ctx, bf, { "pci_rate", "hot_metal_output" }, {
        en = "give the coal injection rate (kg/t hot metal, 0 without injection) and the hot metal produced (t)",
        zh = "需给出高炉喷煤比（未喷煤为0）和铁水产量",
      }) then
        if bf.pci_rate >= params.target_rate then
          ctx:not_applicable { subject = bf.id, reason = "the injection rate " .. bf.pci_rate .. " kg/t already reaches "
            .. params.target_rate .. " kg/t" }
        else
          local extra_coal = (params.target_rate - bf.pci_rate) * bf.hot_metal_output / 1000
          local coke_saved = params.replacement_ratio * extra_coal
          ctx:recommend {
            subject = bf.id,
            savings = { coke = coke_saved, raw_coal = -extra_coal },
            investment = params.unit_cost * extra_coal,
            lifetime = params.lifetime,
            confidence = "low",
            message = {
              en = "Blast furnace {bf} injects {rate:0} kg coal/t: raising it to {target:0} kg/t injects {coal:0} t more coal "
                .. "and charges about {coke:0} t less coke a year",
              zh = "{bf} 高炉喷煤比 {rate:0} kg/t：提高到 {target:0} kg/t，年多喷煤 {coal:0} t，约少用焦炭 {coke:0} t",
            },
            values = { bf = bf.id, rate = bf.pci_rate, target = params.target_rate, coal = extra_coal, coke = coke_saved },
            evidence = {
              { name = "PCI rate", value = bf.pci_rate, unit = "kg/t", source = steelworks.field(bf, "pci_rate") },
              { name = "hot metal", value = bf.hot_metal_output, unit = "t", source = steelworks.field(bf, "hot_metal_output") },
              { name = "coke rate", value = bf.coke_rate or "not given", unit = bf.coke_rate and "kg/t" or nil,
                source = steelworks.field(bf, "coke_rate") },
            },
          }
        end
      end
    end
  end,
}
