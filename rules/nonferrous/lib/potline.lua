-- Electrolysis arithmetic shared by the potline measures.

local potline = {}

-- Faraday's law: 1 t of aluminium needs 10^6 g × 3 × 96 485.332 C/mol ÷ 26.9815 g/mol ÷ 3600 C/Ah
-- = 2 979.98 kAh at 100 % current efficiency, so 1 V of cell voltage costs 2 979.98 / CE kWh (DC) per t.
local FARADAY = 96485.33212      -- C/mol (CODATA)
local ALUMINIUM_MOLAR_MASS = 26.9815385 -- g/mol
potline.KAH_PER_TONNE = 1e6 * 3 * FARADAY / ALUMINIUM_MOLAR_MASS / 3600 / 1000

--- DC energy (kWh/t) that each volt of cell voltage costs at current efficiency `ce_percent`.
function potline.dc_kwh_per_tonne_per_volt(ce_percent)
  return potline.KAH_PER_TONNE / (ce_percent / 100)
end

--- AC electricity per unit of DC saved at the cells: the measured ratio of liquid-aluminium AC to DC
--- power when both are in the profile (rectifier and line losses), else 1 (the DC saving, a lower bound).
function potline.ac_per_dc(line)
  if line.ac_power ~= nil and line.dc_power ~= nil and line.dc_power > 0 then
    return line.ac_power / line.dc_power, "process_units[" .. line.id .. "].ac_power / dc_power"
  end
  return 1, "no dc_power measured: the DC saving is counted (lower bound)"
end

return potline
