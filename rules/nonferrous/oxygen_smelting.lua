-- Oxygen-enriched smelting for furnaces that still blow air or lightly enriched air.

local smelting = require("smelting")

-- Smelting-furnace fuel fields and the carrier each is counted in.
local FURNACE_FUELS = {
  { field = "coal_consumption", carrier = "raw_coal" },
  { field = "coke_consumption", carrier = "coke" },
  { field = "natural_gas_consumption", carrier = "natural_gas" },
  { field = "fuel_oil_consumption", carrier = "fuel_oil" },
}

rule {
  id = "nonferrous.oxygen-enriched-smelting",
  title = { zh = "富氧强化熔炼", en = "Oxygen-enriched smelting" },
  sector = "nonferrous",
  category = "saving_measure",
  measure = "oxygen-enriched-smelting",
  summary = "A pyrometallurgical smelter blowing air or lightly enriched air heats the nitrogen it blows; raising the "
    .. "blast oxygen lets the sulfide feed burn autogenously and cuts furnace fuel, at the cost of the oxygen plant's "
    .. "electricity.",
  formula = "fuel saved (per carrier, native units) = share × furnace fuel; electricity = − oxygen (Nm3/t feed) × "
    .. "feed (t/a) × oxygen power (kWh/Nm3); investment = unit cost × feed",
  references = {
    { standard = "ediag orientation figures",
      clause = "enrichment threshold, fuel share, oxygen demand and power, cost and life are not from a cited source",
      confidence = "low" },
  },
  parameters = {
    enrichment_threshold = { default = 30, unit = "%", min = 21, max = 60,
                             doc = "Blast oxygen below which the measure is proposed; orientation figure, not from a cited source (low confidence)" },
    fuel_share = { default = 0.25, unit = "1", min = 0.1, max = 0.5,
                   doc = "Share of furnace fuel saved; orientation figure, not from a cited source (low confidence)" },
    oxygen_per_feed = { default = 100, unit = "Nm3/t", min = 30, max = 300,
                        doc = "Extra oxygen per t of feed; orientation figure, not from a cited source (low confidence)" },
    oxygen_power = { default = 0.45, unit = "kWh/Nm3", min = 0.3, max = 0.7,
                     doc = "Electricity of the oxygen plant per Nm3 O2; orientation figure, not from a cited source (low confidence)" },
    unit_cost = { default = 150, unit = "yuan/(t/a)", min = 50, max = 500,
                  doc = "Oxygen plant, lances and burners per t/a of feed; orientation figure, not from a cited source (low confidence)" },
    lifetime = { default = 15, unit = "a", min = 10, max = 25,
                 doc = "Life of the oxygen plant; orientation figure, not from a cited source (low confidence)" },
  },
  applies = function(plant)
    if #ediag.units(plant, "smelter") == 0 then return false, "no smelter" end
    return true
  end,
  evaluate = function(plant, ctx, params)
    for _, smelter in ipairs(ediag.units(plant, "smelter")) do
      local fuels, fuel_fields = {}, {}
      for _, fuel in ipairs(FURNACE_FUELS) do
        fuel_fields[#fuel_fields + 1] = smelting.field(smelter, fuel.field)
        local amount = smelter[fuel.field]
        if amount ~= nil and amount > 0 then fuels[#fuels + 1] = { carrier = fuel.carrier, amount = amount, field = fuel.field } end
      end
      if not smelting.is_pyrometallurgical(smelter) then
        ctx:not_applicable { subject = smelter.id, reason = "electrolytic or hydrometallurgical route: no smelting blast" }
      elseif ediag.implemented(plant, "oxygen-enriched-smelting", smelter.id) then
        ctx:not_applicable { subject = smelter.id, reason = "oxygen-enriched smelting is already implemented" }
      elseif smelter.oxygen_enrichment == nil then
        ctx:insufficient_data { subject = smelter.id, needs = { smelting.field(smelter, "oxygen_enrichment") } }
      elseif smelter.oxygen_enrichment >= params.enrichment_threshold then
        ctx:not_applicable { subject = smelter.id, reason = "the blast is already oxygen-enriched" }
      elseif #fuels == 0 or smelter.concentrate_feed == nil then
        local needs = smelter.concentrate_feed == nil and { smelting.field(smelter, "concentrate_feed") } or {}
        if #fuels == 0 then
          for _, f in ipairs(fuel_fields) do needs[#needs + 1] = f end
        end
        ctx:insufficient_data {
          subject = smelter.id, needs = needs,
          message = { en = "measure the feed smelted (t) and the fuel burnt in the smelting furnaces (at least one fuel)",
                      zh = "需计量入炉物料量及熔炼炉燃料消耗（至少一种燃料）" },
        }
      else
        local savings = {}
        local evidence = {
          { name = "blast oxygen", value = smelter.oxygen_enrichment, unit = "%", source = smelting.field(smelter, "oxygen_enrichment") },
          { name = "feed", value = smelter.concentrate_feed, unit = "t", source = smelting.field(smelter, "concentrate_feed") },
        }
        for _, fuel in ipairs(fuels) do
          savings[fuel.carrier] = params.fuel_share * fuel.amount
          evidence[#evidence + 1] = { name = "furnace " .. fuel.carrier, value = fuel.amount,
                                      unit = ediag.carrier(fuel.carrier).unit, source = smelting.field(smelter, fuel.field) }
        end
        local oxygen_kwh = params.oxygen_per_feed * smelter.concentrate_feed * params.oxygen_power
        savings.electricity = -oxygen_kwh
        ctx:recommend {
          subject = smelter.id,
          savings = savings,
          investment = params.unit_cost * smelter.concentrate_feed,
          lifetime = params.lifetime,
          confidence = "low",
          message = {
            en = "{id} blows {o2}% oxygen; enriching the blast saves about {share:0}% of the furnace fuel for {o2kwh:0} kWh "
              .. "of oxygen-plant power, net {tce:0} tce a year",
            zh = "{id} 鼓风含氧 {o2}%；富氧熔炼可节约熔炼炉燃料约 {share:0}%，制氧耗电 {o2kwh:0} kWh，年净节能 {tce:0} tce",
          },
          values = { id = smelter.id, o2 = smelter.oxygen_enrichment, share = params.fuel_share * 100, o2kwh = oxygen_kwh },
          evidence = evidence,
        }
      end
    end
  end,
}
