-- Converter gas and steam recovery brought up to the level of China's key enterprises.

local steelworks = require("steelworks")

rule {
  id = "steel.converter-gas-recovery",
  title = { zh = "转炉煤气及蒸汽回收提升", en = "Converter gas and steam recovery" },
  sector = "steel",
  category = "saving_measure",
  measure = "converter-gas-recovery",
  summary = "A BOF shop recovering less converter gas than the key-enterprise level (106 m³/t steel) or less steam than "
    .. "advanced shops (100 kg/t) can recover the difference (gas-holder capacity, recovery-window control, "
    .. "evaporative-cooling steam); the recovered energy is credited in its native carriers. A shop within "
    .. "min_gap_share of both levels is left alone: closing a few per cent is a matter of operation, and the retrofit "
    .. "cost (scaled by the whole output) would be out of all proportion to it.",
  formula = "gas (m³/a) = max(0, target gas − gas recovery) × steel output; steam (t/a) = max(0, target steam − steam recovery) "
    .. "/ 1000 × steel output; investment = unit cost (yuan per t/a) × steel output; recommended only when a gap exceeds "
    .. "min_gap_share × its target",
  references = {
    { standard = "zenggaole.cn / babbaji.com (BOF energy recovery in China)",
      clause = "key enterprises' BOF gas recovery 81 m³/t (2010) → 106 m³/t (2014); advanced steam recovery > 100 kg/t at 2.5–4 MPa",
      confidence = "medium" },
  },
  parameters = {
    target_gas = { default = 106, unit = "m3/t", min = 80, max = 130,
                   doc = "Converter gas recovery to reach", source = "zenggaole.cn / babbaji.com: key enterprises 106 m³/t (2014)" },
    target_steam = { default = 100, unit = "kg/t", min = 60, max = 130,
                     doc = "Steam recovery to reach", source = "zenggaole.cn / babbaji.com: advanced recovery > 100 kg/t" },
    min_gap_share = { default = 0.1, unit = "1", min = 0, max = 0.3,
                      doc = "Smallest gap, as a share of the target, worth a retrofit (orientation figure, not from a cited "
                        .. "source (low confidence))" },
    unit_cost = { default = 10, unit = "yuan/(t/a)", min = 3, max = 40,
                  doc = "Retrofit cost (recovery control, gas holder, steam accumulator) per t/a of steel (orientation figure, not from a cited source (low confidence))" },
    lifetime = { default = 15, unit = "a", min = 8, max = 25,
                 doc = "Economic life (orientation figure, not from a cited source (low confidence))" },
  },
  applies = function(plant)
    if #ediag.units(plant, "converter") == 0 then return false, "the profile lists no converter" end
    return true
  end,
  evaluate = function(plant, ctx, params)
    for _, bof in ipairs(ediag.units(plant, "converter")) do
      if steelworks.already_done(plant, bof, "converter-gas-recovery") then
        ctx:not_applicable { subject = bof.id, reason = "converter gas and steam recovery is listed as implemented" }
      elseif not steelworks.report_missing(ctx, bof, { "steel_output", "gas_recovery", "steam_recovery" }, {
        en = "give the steel output (t) and the converter gas (m³/t) and steam (kg/t) recovered per t steel",
        zh = "需给出钢产量及吨钢转炉煤气回收量、蒸汽回收量",
      }) then
        local gas_gap = math.max(0, params.target_gas - bof.gas_recovery)
        local steam_gap = math.max(0, params.target_steam - bof.steam_recovery)
        if gas_gap == 0 and steam_gap == 0 then
          ctx:not_applicable { subject = bof.id, reason = "gas and steam recovery already reach " .. params.target_gas
            .. " m³/t and " .. params.target_steam .. " kg/t" }
        elseif gas_gap <= params.min_gap_share * params.target_gas and steam_gap <= params.min_gap_share * params.target_steam then
          ctx:not_applicable { subject = bof.id, reason = "gas and steam recovery are within " .. params.min_gap_share * 100
            .. " % of " .. params.target_gas .. " m³/t and " .. params.target_steam .. " kg/t: a matter of operation, not a retrofit" }
        else
          local savings = {}
          if gas_gap > 0 then savings.converter_gas = gas_gap * bof.steel_output end
          if steam_gap > 0 then savings.steam = steam_gap / 1000 * bof.steel_output end
          ctx:recommend {
            subject = bof.id,
            savings = savings,
            investment = params.unit_cost * bof.steel_output,
            lifetime = params.lifetime,
            confidence = "medium",
            message = {
              en = "Shop {bof} recovers {gas:0} m³ gas and {steam:0} kg steam per t steel against {target_gas:0} m³ and "
                .. "{target_steam:0} kg at key enterprises: {more_gas:0} m³ gas and {more_steam:0} t steam more a year",
              zh = "{bof} 转炉吨钢回收煤气 {gas:0} m³、蒸汽 {steam:0} kg，重点企业水平为 {target_gas:0} m³、{target_steam:0} kg："
                .. "年可多回收煤气 {more_gas:0} m³、蒸汽 {more_steam:0} t",
            },
            values = { bof = bof.id, gas = bof.gas_recovery, steam = bof.steam_recovery, target_gas = params.target_gas,
                       target_steam = params.target_steam, more_gas = savings.converter_gas or 0, more_steam = savings.steam or 0 },
            evidence = {
              { name = "steel output", value = bof.steel_output, unit = "t", source = steelworks.field(bof, "steel_output") },
              { name = "converter gas recovered", value = bof.gas_recovery, unit = "m3/t", source = steelworks.field(bof, "gas_recovery") },
              { name = "steam recovered", value = bof.steam_recovery, unit = "kg/t", source = steelworks.field(bof, "steam_recovery") },
            },
          }
        end
      end
    end
  end,
}
