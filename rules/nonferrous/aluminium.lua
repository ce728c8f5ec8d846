-- Electrolytic aluminium against GB 21346-2022: liquid-aluminium AC power (with the NDRC benchmark),
-- liquid-aluminium comprehensive AC power, ingot comprehensive AC power and ingot comprehensive energy.

local GB21346 = { standard = "GB 21346-2022", clause = "electrolytic aluminium indicators",
                  title = "电解铝和氧化铝单位产品能源消耗限额", confidence = "high" }

local function potlines_or_not_applicable(plant, ctx)
  local potlines = ediag.units(plant, "potline")
  if #potlines == 0 then
    ctx:not_applicable("the profile lists no potline process unit")
  end
  return potlines
end

--- Grades one measured potline indicator, or says which field to measure.
--- `indicator` names the profile field, the limit table, the output field and the measuring hint.
local function grade_indicator(ctx, potline, indicator)
  local value = potline[indicator.field]
  if value == nil then
    ctx:insufficient_data {
      subject = potline.id,
      needs = { "process_units[" .. potline.id .. "]." .. indicator.field },
      message = indicator.hint,
    }
    return
  end
  ctx:compliance {
    subject = potline.id,
    value = value,
    limits = ediag.limits(indicator.table),
    output = potline[indicator.output_field],
    source = "process_units[" .. potline.id .. "]." .. indicator.field,
  }
end

--- Ingot indicators apply only to potlines whose metal is cast to ingot.
local function casts_no_ingot(ctx, potline)
  if potline.ingot_output ~= nil and potline.ingot_output == 0 then
    ctx:not_applicable { subject = potline.id, reason = "the line casts no ingot (ingot_output is 0)" }
    return true
  end
  return false
end

rule {
  id = "nonferrous.aluminium-liquid-ac-power-limit",
  title = { zh = "铝液交流电耗限额", en = "Liquid aluminium AC power consumption limit" },
  sector = "nonferrous",
  category = "compliance",
  summary = "Grades each potline's liquid-aluminium AC power (kWh/t) against GB 21346-2022 (grades 1/2/3 = "
    .. "12 950 / 13 000 / 13 350 kWh/t) and reports the gap to the NDRC benchmark of 13 000 kWh/t.",
  formula = "grade = best k with value ≤ threshold_k; gap (tce/a) = (value − 13 000) × liquid Al output × 0.1229 / 1000",
  references = {
    GB21346,
    { standard = "发改产业〔2021〕1609号", clause = "electrolytic aluminium benchmark 13 000 / baseline 13 350 kWh/t (as cited by cmgroup.net)",
      confidence = "medium" },
  },
  evaluate = function(plant, ctx)
    for _, potline in ipairs(potlines_or_not_applicable(plant, ctx)) do
      grade_indicator(ctx, potline, {
        field = "ac_power", table = "nonferrous.aluminium-liquid-ac-power", output_field = "aluminium_output",
        hint = { en = "measure the liquid aluminium AC power consumption (kWh/t) per GB 21346-2022",
                 zh = "需按 GB 21346-2022 测算铝液交流电耗" },
      })
    end
  end,
}

rule {
  id = "nonferrous.aluminium-liquid-comprehensive-ac-power-limit",
  title = { zh = "铝液综合交流电耗限额", en = "Liquid aluminium comprehensive AC power consumption limit" },
  sector = "nonferrous",
  category = "compliance",
  summary = "Grades each potline's liquid-aluminium comprehensive AC power (kWh/t) against GB 21346-2022 "
    .. "(13 250 / 13 350 / 13 700 kWh/t).",
  formula = "grade = best k with value ≤ threshold_k",
  references = { GB21346 },
  evaluate = function(plant, ctx)
    for _, potline in ipairs(potlines_or_not_applicable(plant, ctx)) do
      grade_indicator(ctx, potline, {
        field = "comprehensive_ac_power", table = "nonferrous.aluminium-liquid-comprehensive-ac-power",
        output_field = "aluminium_output",
        hint = { en = "measure the liquid aluminium comprehensive AC power consumption (kWh/t) per GB 21346-2022",
                 zh = "需按 GB 21346-2022 测算铝液综合交流电耗" },
      })
    end
  end,
}

rule {
  id = "nonferrous.aluminium-ingot-ac-power-limit",
  title = { zh = "铝锭综合交流电耗限额", en = "Aluminium ingot comprehensive AC power consumption limit" },
  sector = "nonferrous",
  category = "compliance",
  summary = "Grades the ingot comprehensive AC power (kWh/t) of each potline that casts ingot against GB 21346-2022 "
    .. "(13 300 / 13 400 / 13 750 kWh/t).",
  formula = "grade = best k with value ≤ threshold_k",
  references = { GB21346 },
  evaluate = function(plant, ctx)
    for _, potline in ipairs(potlines_or_not_applicable(plant, ctx)) do
      if not casts_no_ingot(ctx, potline) then
        grade_indicator(ctx, potline, {
          field = "ingot_comprehensive_ac_power", table = "nonferrous.aluminium-ingot-comprehensive-ac-power",
          output_field = "ingot_output",
          hint = { en = "measure the aluminium ingot comprehensive AC power consumption (kWh/t), or give ingot_output: 0 if no ingot is cast",
                   zh = "需测算铝锭综合交流电耗；不铸锭时填写 ingot_output: 0" },
        })
      end
    end
  end,
}

rule {
  id = "nonferrous.aluminium-ingot-energy-limit",
  title = { zh = "铝锭综合能耗限额", en = "Aluminium ingot comprehensive energy consumption limit" },
  sector = "nonferrous",
  category = "compliance",
  summary = "Grades the ingot comprehensive energy (kgce/t) of each potline that casts ingot against GB 21346-2022 "
    .. "(1670 / 1680 / 1720 kgce/t).",
  formula = "grade = best k with value ≤ threshold_k",
  references = { GB21346 },
  evaluate = function(plant, ctx)
    for _, potline in ipairs(potlines_or_not_applicable(plant, ctx)) do
      if not casts_no_ingot(ctx, potline) then
        grade_indicator(ctx, potline, {
          field = "ingot_energy", table = "nonferrous.aluminium-ingot-energy", output_field = "ingot_output",
          hint = { en = "measure the aluminium ingot comprehensive energy consumption (kgce/t), or give ingot_output: 0 if no ingot is cast",
                   zh = "需测算铝锭综合能耗；不铸锭时填写 ingot_output: 0" },
        })
      end
    end
  end,
}
