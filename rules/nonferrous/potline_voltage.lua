-- Low-voltage / new-cathode cell technology on prebake potlines.

local electrolysis = require("potline")

rule {
  id = "nonferrous.potline-low-voltage",
  title = { zh = "电解槽低电压/新型阴极结构技术", en = "Low-voltage / new-cathode cell technology" },
  sector = "nonferrous",
  category = "saving_measure",
  measure = "low-voltage-cell",
  summary = "A potline whose average cell voltage is above the target can lower it with new cathode structures "
    .. "(shaped cathodes) and low-voltage operation, retrofitted at relining. Each volt costs 2 980 / CE kWh DC per t "
    .. "(Faraday's law); the DC saving is converted to AC with the line's measured AC/DC ratio.",
  formula = "electricity saved (kWh/a) = (cell voltage − target) × 2 979.98 / CE × liquid Al output × AC/DC; "
    .. "investment = unit cost per pot × pots",
  references = {
    { standard = "Faraday's law of electrolysis", clause = "2 979.98 kAh per t Al at 100 % current efficiency", confidence = "high" },
    { standard = "ediag orientation figures", clause = "target voltage, retrofit cost and cathode life are not from a cited source",
      confidence = "low" },
  },
  parameters = {
    target_voltage = { default = 3.85, unit = "V", min = 3.6, max = 4.1,
                       doc = "Average cell voltage reachable with low-voltage / new-cathode technology; orientation figure, not from a cited source (low confidence)" },
    unit_cost = { default = 150000, unit = "yuan/pot", min = 30000, max = 600000,
                  doc = "Extra cost of a new-cathode relining per pot; orientation figure, not from a cited source (low confidence)" },
    lifetime = { default = 6, unit = "a", min = 4, max = 10,
                 doc = "Cathode (pot) life over which the retrofit pays; orientation figure, not from a cited source (low confidence)" },
  },
  applies = function(plant)
    if #ediag.units(plant, "potline") == 0 then return false, "no potline" end
    return true
  end,
  evaluate = function(plant, ctx, params)
    for _, line in ipairs(ediag.units(plant, "potline")) do
      local needs = {}
      for _, field in ipairs({ "cell_voltage", "current_efficiency", "aluminium_output", "pot_count" }) do
        if line[field] == nil then needs[#needs + 1] = "process_units[" .. line.id .. "]." .. field end
      end
      if line.low_voltage_technology or ediag.implemented(plant, "low-voltage-cell", line.id) then
        ctx:not_applicable { subject = line.id, reason = "low-voltage / new-cathode technology is already in place" }
      elseif #needs > 0 then
        ctx:insufficient_data { subject = line.id, needs = needs }
      elseif line.cell_voltage <= params.target_voltage then
        ctx:not_applicable { subject = line.id, reason = "the cell voltage is already at or below the target" }
      else
        local volts = line.cell_voltage - params.target_voltage
        local dc_per_tonne = volts * electrolysis.dc_kwh_per_tonne_per_volt(line.current_efficiency)
        local ac_per_dc, ratio_source = electrolysis.ac_per_dc(line)
        local kwh = dc_per_tonne * line.aluminium_output * ac_per_dc
        ctx:recommend {
          subject = line.id,
          savings = { electricity = kwh },
          investment = params.unit_cost * line.pot_count,
          lifetime = params.lifetime,
          confidence = "low",
          message = {
            en = "Potline {line} runs at {v} V; new-cathode low-voltage cells at {target} V save {dc:0} kWh DC per t, "
              .. "{kwh:0} kWh AC a year over {output:0} t",
            zh = "{line} 系列平均电压 {v} V；采用新型阴极低电压技术降至 {target} V，吨铝直流电耗降低 {dc:0} kWh，年节电 {kwh:0} kWh（交流）",
          },
          values = { line = line.id, v = line.cell_voltage, target = params.target_voltage, dc = dc_per_tonne,
                     kwh = kwh, output = line.aluminium_output },
          evidence = {
            { name = "cell voltage", value = line.cell_voltage, unit = "V", source = "process_units[" .. line.id .. "].cell_voltage" },
            { name = "current efficiency", value = line.current_efficiency, unit = "%", source = "process_units[" .. line.id .. "].current_efficiency" },
            { name = "AC/DC ratio", value = ac_per_dc, unit = "1", source = ratio_source },
            { name = "pots", value = line.pot_count, source = "process_units[" .. line.id .. "].pot_count" },
          },
        }
      end
    end
  end,
}
