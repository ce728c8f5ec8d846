-- Top-gas pressure recovery turbine (TRT) on blast furnaces that vent their top-gas pressure through the
-- pressure-reducing valve group.

local steelworks = require("steelworks")

rule {
  id = "steel.trt",
  title = { zh = "高炉炉顶煤气余压发电（TRT）", en = "Blast-furnace top-pressure recovery turbine (TRT)" },
  sector = "steel",
  category = "saving_measure",
  measure = "trt",
  summary = "A blast furnace of 1000 m³ or more with a top pressure of at least 0.12 MPa(g) and no TRT wastes the top-gas "
    .. "pressure in its valve group; a TRT generates about 30–40 kWh per t hot metal (about 30 % more behind dry dedusting).",
  formula = "electricity (kWh/a) = generation (kWh/t) × (1 + dry gain if dry dedusting) × hot metal (t/a); "
    .. "investment = unit cost (yuan/m³) × furnace volume (m³); O&M = share × electricity value",
  references = {
    { standard = "中国大百科全书 online (zgbk.com), 高炉煤气余压透平发电",
      clause = "30–40 kWh/t hot metal; dry TRT ≈ 30 % more than wet; BF ≥ 1000 m³, top pressure 0.12–0.25 MPa(g)",
      confidence = "high" },
    { standard = "中国冶金报 via goootech: Xiangtan Steel TRT (2010)", clause = "2580 m³ BF with dry dedusting up to ≈ 50 kWh/t",
      confidence = "medium" },
  },
  parameters = {
    generation = { default = 35, unit = "kWh/t", min = 30, max = 40,
                   doc = "Net TRT generation per t hot metal behind wet dedusting (midpoint of 30–40 kWh/t)",
                   source = "zgbk.com (中国大百科全书): generally 30–40 kWh/t hot metal" },
    dry_gain = { default = 0.30, unit = "1", min = 0, max = 0.45,
                 doc = "Extra generation behind dry dedusting, as a fraction (dry TRT ≈ 30 % more than wet)",
                 source = "zgbk.com (中国大百科全书): dry TRT ≈ 30 % more than wet; Xiangtan 2580 m³ dry ≈ +35 %" },
    min_volume = { default = 1000, unit = "m3", min = 300, max = 2000,
                   doc = "Smallest furnace volume a TRT is fitted on", source = "zgbk.com: fitted on BF ≥ 1000 m³" },
    min_top_pressure = { default = 120, unit = "kPa", min = 80, max = 250,
                         doc = "Lowest top pressure (gauge) worth recovering", source = "zgbk.com: top pressure 0.12–0.25 MPa(g)" },
    unit_cost = { default = 20000, unit = "yuan/m3", min = 8000, max = 40000,
                  doc = "Installed TRT cost per m³ of furnace volume (orientation figure, not from a cited source (low confidence))" },
    om_share = { default = 0.05, unit = "1", min = 0, max = 0.2,
                 doc = "Operation and maintenance as a share of the electricity value (orientation figure, not from a cited source (low confidence))" },
    lifetime = { default = 20, unit = "a", min = 10, max = 30,
                 doc = "Economic life of the turbine set (orientation figure, not from a cited source (low confidence))" },
  },
  applies = function(plant)
    if #ediag.units(plant, "blast_furnace") == 0 then return false, "the profile lists no blast furnace" end
    return true
  end,
  evaluate = function(plant, ctx, params)
    for _, bf in ipairs(ediag.units(plant, "blast_furnace")) do
      if steelworks.already_done(plant, bf, "trt", bf.trt_installed) then
        ctx:not_applicable { subject = bf.id, reason = "a TRT is already installed" }
      elseif not steelworks.report_missing(ctx, bf, { "volume", "hot_metal_output" }, {
        en = "give the furnace volume (m³) and the hot metal produced (t)", zh = "需给出高炉有效容积和铁水产量",
      }) then
        if bf.volume < params.min_volume then
          ctx:not_applicable { subject = bf.id, reason = "furnace volume " .. bf.volume .. " m³ is below the "
            .. params.min_volume .. " m³ a TRT is fitted on" }
        elseif bf.top_pressure ~= nil and bf.top_pressure < params.min_top_pressure then
          ctx:not_applicable { subject = bf.id, reason = "top pressure " .. bf.top_pressure .. " kPa is below the "
            .. params.min_top_pressure .. " kPa worth recovering" }
        else
          local dry = bf.dedusting == "dry"
          local per_tonne = params.generation * (dry and (1 + params.dry_gain) or 1)
          local kwh = per_tonne * bf.hot_metal_output
          local price = plant.energy and plant.energy.electricity and plant.energy.electricity.price or 0
          ctx:recommend {
            subject = bf.id,
            savings = { electricity = kwh },
            investment = params.unit_cost * bf.volume,
            lifetime = params.lifetime,
            om_cost = params.om_share * kwh * price,
            confidence = bf.top_pressure and "medium" or "low",
            message = {
              en = "Blast furnace {bf} ({volume:0} m³) has no TRT: about {per_t:1} kWh/t × {output:0} t hot metal = {kwh:0} kWh a year",
              zh = "{bf} 高炉（{volume:0} m³）未配 TRT：约 {per_t:1} kWh/t × {output:0} t 铁水 = 年发电 {kwh:0} kWh",
            },
            values = { bf = bf.id, volume = bf.volume, per_t = per_tonne, output = bf.hot_metal_output, kwh = kwh },
            evidence = {
              { name = "hot metal", value = bf.hot_metal_output, unit = "t", source = steelworks.field(bf, "hot_metal_output") },
              { name = "furnace volume", value = bf.volume, unit = "m3", source = steelworks.field(bf, "volume") },
              { name = "top pressure", value = bf.top_pressure or "not given (applicability assumed)", unit = bf.top_pressure and "kPa" or nil,
                source = steelworks.field(bf, "top_pressure") },
              { name = "dedusting", value = bf.dedusting or "not given: wet assumed", source = steelworks.field(bf, "dedusting") },
            },
          }
        end
      end
    end
  end,
}
