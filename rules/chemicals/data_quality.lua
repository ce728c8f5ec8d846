-- Absurd-but-valid process-unit hours: the schema accepts any non-negative h/a, but no year holds more
-- than 8784 h and a unit that never runs cannot save anything. Each is reported so that the assessor
-- checks it; steam-system repair and waste-heat boiler hold the hours to the year and skip 0 h.

local unit_hours = require("unit_hours")

rule {
  id = "chemicals.data-quality",
  title = { zh = "化工装置运行小时数合理性", en = "Implausible process-unit hours" },
  sector = "chemicals",
  category = "data_quality",
  severity = "warning",
  summary = "Flags a steam network or waste-heat source whose hours per year are above the 8784 h of the longest "
    .. "year, or zero. The measure rules hold such hours to 8784 h and skip a unit at 0 h, so neither inflates nor "
    .. "empties a saving.",
  formula = "hours > 366 × 24 = 8784 h/a, or hours = 0",
  references = {
    { standard = "Calendar", clause = "366 d × 24 h = 8784 h, the longest year", confidence = "high" },
  },
  evaluate = function(plant, ctx)
    for _, unit in ipairs(plant.process_units or {}) do
      if (unit.type == "steam_network" or unit.type == "waste_heat_source") and unit.hours ~= nil then
        local problem
        if unit.hours > unit_hours.YEAR then
          problem = { en = string.format("%.0f", unit.hours) .. " h/a is more than the " .. unit_hours.YEAR .. " h of the longest year",
                      zh = "年运行 " .. string.format("%.0f", unit.hours) .. " h 超过全年最多小时数 " .. unit_hours.YEAR .. " h" }
        elseif unit.hours == 0 then
          problem = { en = "0 h/a: the unit never runs", zh = "年运行 0 h：装置不运行" }
        end
        if problem then
          ctx:finding {
            subject = unit.id,
            message = { en = "{unit}: {problem} — check the profile", zh = "{unit}：{problem_zh}——请核实数据" },
            values = { unit = unit.id, problem = problem.en, problem_zh = problem.zh },
            evidence = { { name = "hours", value = unit.hours, unit = "h/a", source = "process_units[" .. unit.id .. "].hours" } },
          }
        end
      end
    end
  end,
}
