-- Anode-effect reduction on prebake potlines (point feeding and cell control).

local electrolysis = require("potline")

rule {
  id = "nonferrous.anode-effect-reduction",
  title = { zh = "降低阳极效应系数", en = "Anode-effect reduction" },
  sector = "nonferrous",
  category = "saving_measure",
  measure = "anode-effect-reduction",
  summary = "During an anode effect the cell voltage jumps to tens of volts; a line with more anode effects than the "
    .. "target cuts them with better alumina point feeding and cell control. Saves the extra electricity of the "
    .. "effects (the PFC emissions avoided are not valued here).",
  formula = "electricity saved (kWh/a) = (frequency − target) per pot-day × pots × 365 d × duration (h) × "
    .. "(effect voltage − cell voltage) × line current (kA) × AC/DC; investment = unit cost per pot × pots",
  references = {
    { standard = "Electrical energy of an anode effect", clause = "E = ΔV × I × t", confidence = "high" },
    { standard = "ediag orientation figures", clause = "effect voltage, target frequency, cost and life are not from a cited source",
      confidence = "low" },
  },
  parameters = {
    target_frequency = { default = 0.05, unit = "1", min = 0, max = 0.3,
                         doc = "Anode effects per pot-day reachable with point feeding and modern cell control; orientation figure, not from a cited source (low confidence)" },
    effect_voltage = { default = 30, unit = "V", min = 15, max = 50,
                       doc = "Average cell voltage during an anode effect; orientation figure, not from a cited source (low confidence)" },
    unit_cost = { default = 20000, unit = "yuan/pot", min = 5000, max = 100000,
                  doc = "Feeding and control upgrade per pot; orientation figure, not from a cited source (low confidence)" },
    lifetime = { default = 10, unit = "a", min = 5, max = 15,
                 doc = "Life of the control upgrade; orientation figure, not from a cited source (low confidence)" },
  },
  applies = function(plant)
    if #ediag.units(plant, "potline") == 0 then return false, "no potline" end
    return true
  end,
  evaluate = function(plant, ctx, params)
    for _, line in ipairs(ediag.units(plant, "potline")) do
      local needs = {}
      for _, field in ipairs({ "anode_effect_frequency", "anode_effect_duration", "pot_count", "current", "cell_voltage" }) do
        if line[field] == nil then needs[#needs + 1] = "process_units[" .. line.id .. "]." .. field end
      end
      if ediag.implemented(plant, "anode-effect-reduction", line.id) then
        ctx:not_applicable { subject = line.id, reason = "anode-effect reduction is already implemented" }
      elseif #needs > 0 then
        ctx:insufficient_data { subject = line.id, needs = needs }
      elseif line.anode_effect_frequency <= params.target_frequency then
        ctx:not_applicable { subject = line.id, reason = "the anode-effect frequency is already at or below the target" }
      else
        local effects_avoided = (line.anode_effect_frequency - params.target_frequency) * line.pot_count * 365
        local kwh_dc_per_effect = (params.effect_voltage - line.cell_voltage) * line.current * line.anode_effect_duration / 3600
        local ac_per_dc, ratio_source = electrolysis.ac_per_dc(line)
        local kwh = effects_avoided * kwh_dc_per_effect * ac_per_dc
        ctx:recommend {
          subject = line.id,
          savings = { electricity = kwh },
          investment = params.unit_cost * line.pot_count,
          lifetime = params.lifetime,
          confidence = "low",
          message = {
            en = "Potline {line} has {f} anode effects per pot-day (target {target}); avoiding {n:0} effects a year "
              .. "of {per:1} kWh each saves {kwh:0} kWh a year, and the PFC they emit",
            zh = "{line} 阳极效应系数 {f} 次/(槽·日)（目标 {target}）；年减少效应 {n:0} 次、每次 {per:1} kWh，年节电 {kwh:0} kWh，并减少全氟化碳排放",
          },
          values = { line = line.id, f = line.anode_effect_frequency, target = params.target_frequency,
                     n = effects_avoided, per = kwh_dc_per_effect, kwh = kwh },
          evidence = {
            { name = "anode-effect frequency", value = line.anode_effect_frequency, unit = "1/(pot·d)",
              source = "process_units[" .. line.id .. "].anode_effect_frequency" },
            { name = "anode-effect duration", value = line.anode_effect_duration, unit = "s",
              source = "process_units[" .. line.id .. "].anode_effect_duration" },
            { name = "line current", value = line.current, unit = "kA", source = "process_units[" .. line.id .. "].current" },
            { name = "AC/DC ratio", value = ac_per_dc, unit = "1", source = ratio_source },
          },
        }
      end
    end
  end,
}
