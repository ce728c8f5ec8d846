-- Absurd-but-valid profile values: the schema accepts them, but no real plant has them. Each is
-- reported so that the assessor checks it; the measure rules hold such values to what is possible.

local operating = require("operating")

-- The field holding each equipment type's rating.
local RATING_FIELD = { motor = "rated_power", fan = "rated_power", pump = "rated_power", air_compressor = "rated_power",
                       transformer = "rated_capacity", boiler = "capacity" }
local RATING_UNIT = { rated_power = "kW", rated_capacity = "kVA", capacity = "t/h" }

--- The problems of one equipment item, as evidence lines and message parts.
local function item_problems(plant, item)
  local problems = {}
  local field = RATING_FIELD[item.type]
  if field ~= nil and item[field] == 0 then
    problems[#problems + 1] = { name = field, value = 0, unit = RATING_UNIT[field],
                                en = field .. " is 0 " .. RATING_UNIT[field], zh = "额定值为 0 " .. RATING_UNIT[field] }
  end
  local hours_in_year, why = operating.hours_in_year(plant)
  if item.hours ~= nil and item.hours > hours_in_year then
    problems[#problems + 1] = { name = "hours", value = item.hours, unit = "h/a",
                                en = string.format("%.0f", item.hours) .. " h/a is more than the " .. hours_in_year .. " h of the year (" .. why .. ")",
                                zh = "年运行 " .. string.format("%.0f", item.hours) .. " h 超过全年小时数 " .. hours_in_year .. " h" }
  end
  if item.load_factor ~= nil and item.load_factor > 1 then
    problems[#problems + 1] = { name = "load_factor", value = item.load_factor, unit = "1",
                                en = "average load factor " .. string.format("%g", item.load_factor) .. " is above 1 (continuous overload)",
                                zh = "平均负载率 " .. string.format("%g", item.load_factor) .. " 大于 1（长期过载）" }
  end
  if item.type == "motor" and item.drives ~= nil then
    local driven = operating.item(plant, item.drives)
    if driven == nil or (driven.type ~= "fan" and driven.type ~= "pump" and driven.type ~= "air_compressor") then
      problems[#problems + 1] = { name = "drives", value = item.drives,
                                  en = "drives '" .. item.drives .. "', which is not a fan, pump or air compressor of this profile",
                                  zh = "drives 指向的 '" .. item.drives .. "' 不是本档案中的风机、水泵或空压机" }
    end
  end
  -- Above 100 % on the net calorific value basis only latent heat recovered by condensing can explain.
  if item.type == "boiler" and item.thermal_efficiency ~= nil and item.thermal_efficiency > 100 and item.condensing ~= true then
    problems[#problems + 1] = { name = "thermal_efficiency", value = item.thermal_efficiency, unit = "%",
                                en = "thermal efficiency " .. string.format("%g", item.thermal_efficiency)
                                  .. " % is above 100 % without condensing heat recovery (condensing: true)",
                                zh = "热效率 " .. string.format("%g", item.thermal_efficiency) .. "% 超过 100%，但未设冷凝余热回收（condensing: true）" }
  end
  return problems
end

local function report(ctx, subject, path_of, problems)
  local en, zh, evidence = {}, {}, {}
  for _, p in ipairs(problems) do
    en[#en + 1] = p.en
    zh[#zh + 1] = p.zh
    evidence[#evidence + 1] = { name = p.name, value = p.value, unit = p.unit, source = path_of(p.name) }
  end
  ctx:finding {
    subject = subject,
    message = { en = "{subject}: {problems} — check the profile", zh = "{subject}：{problems_zh}——请核实数据" },
    values = { subject = subject, problems = table.concat(en, "; "), problems_zh = table.concat(zh, "；") },
    evidence = evidence,
  }
end

rule {
  id = "equipment.data-quality",
  title = { zh = "设备与能源数据合理性", en = "Implausible equipment and energy data" },
  sector = "cross-sector",
  category = "data_quality",
  severity = "warning",
  summary = "Flags values the schema accepts but no plant has: equipment rated at 0 (kW, kVA or t/h); operating hours "
    .. "above the hours of the year (8760, or 8784 when the assessment period contains a 29 February; 8784 when the "
    .. "profile gives no period); an average load factor above 1; a boiler efficiency above 100 % (net calorific value "
    .. "basis) without condensing heat recovery; a motor that drives an id that is no listed fan, pump or compressor; an energy price of zero (energy.<carrier>.price "
    .. "or finance.electricity_price). Measures then hold hours and load to these bounds, skip zero-rated items, and a "
    .. "zero price leaves the saving unvalued (it never pays back).",
  formula = "hours > 24 × days of the year; load_factor > 1; rating = 0; price = 0; boiler η > 100 % and not condensing; "
    .. "motor drives: an id that is no fan, pump or air compressor",
  references = {
    { standard = "Calendar", clause = "365 d × 24 h = 8760 h; 366 d × 24 h = 8784 h in a leap year", confidence = "high" },
    { standard = "GB 24500-2020", clause = "efficiencies on the net calorific value basis; only condensing gas boilers are "
      .. "graded above 100 % (103/101/98 %; shared/reference/energy-figures.md §5.5)", confidence = "high" },
  },
  evaluate = function(plant, ctx)
    for _, item in ipairs(plant.equipment or {}) do
      local problems = item_problems(plant, item)
      if #problems > 0 then
        report(ctx, item.id, function(field) return operating.path(item, field) end, problems)
      end
    end
    if plant.energy ~= nil then
      for carrier, use in pairs(plant.energy) do
        if use.price ~= nil and use.price == 0 then
          report(ctx, "energy." .. carrier, function() return "energy." .. carrier .. ".price" end, {
            { name = "price", value = 0, unit = "yuan", en = "the price of " .. carrier .. " is zero, so no saving of it is worth anything",
              zh = carrier .. " 单价为零，节约该能源不产生任何收益" } })
        end
      end
    end
    if plant.finance ~= nil and plant.finance.electricity_price ~= nil and plant.finance.electricity_price == 0 then
      report(ctx, "finance.electricity_price", function() return "finance.electricity_price" end, {
        { name = "electricity_price", value = 0, unit = "yuan/kWh", en = "the electricity price is zero",
          zh = "电价为零" } })
    end
  end,
}
