-- Cement comprehensive energy (with the clinker-ratio correction) and cement preparation section
-- power against GB 16780-2021 (and the edition in force on the assessment date).

local gb16780 = require("gb16780")

local function cement_mills(plant, ctx)
  local mills = ediag.units(plant, "cement_mill")
  if #mills == 0 then
    ctx:not_applicable("the profile lists no cement_mill process unit")
  end
  return mills
end

local function field_path(unit, field)
  return "process_units[" .. unit.id .. "]." .. field
end

rule {
  id = "cement.cement-energy-limit",
  title = { zh = "水泥单位产品综合能耗限额", en = "Cement comprehensive energy consumption limit" },
  sector = "cement",
  category = "compliance",
  summary = "Grades each cement grinding unit's measured cement comprehensive energy (kgce/t) against GB 16780-2021 "
    .. "Table 1 (80/87/94 kgce/t at a clinker ratio of 75 %; each percentage point of clinker ratio above or below 75 % "
    .. "adds or subtracts 1.10/1.15/1.20 kgce/t to grades 1/2/3; above 1500 m the corrected grade-3 value is multiplied "
    .. "by the altitude factor), or GB 16780-2012 (93/95/105 kgce/t, uncorrected) before 2022-11-01.",
  formula = "threshold_k = base_k + c_k × (clinker ratio % − 75), c = 1.10/1.15/1.20; "
    .. "threshold_3 × (1.179 − 0.211·P/101325) when altitude > 1500 m (corrected thresholds rounded to 0.01), P = 101325·(1 − 0.0065·h/288.15)^5.25588; "
    .. "grade = best k with value ≤ threshold_k",
  references = {
    { standard = "GB 16780-2021", clause = "Table 1 and its clinker-ratio note; §5.3 formula (1)",
      title = "水泥单位产品能源消耗限额", confidence = "high" },
    { standard = "GB 16780-2012", clause = "cement comprehensive energy 93/95/105 kgce/t (xiaomilidoc page, via shared/reference §1.1)",
      confidence = "medium" },
    { standard = "ISO 2533:1975 / GB/T 1920-1980 standard atmosphere",
      clause = "P = 101325 × (1 − 0.0065·h/288.15)^5.25588 Pa, h in m", confidence = "high" },
  },
  evaluate = function(plant, ctx)
    for _, mill in ipairs(cement_mills(plant, ctx)) do
      local limits = ediag.limits("cement.cement-energy")
      local ratio_needed = gb16780.needs_clinker_ratio("cement.cement-energy", limits)
      local missing = {}
      if mill.cement_energy == nil then missing[#missing + 1] = field_path(mill, "cement_energy") end
      if ratio_needed and mill.clinker_ratio == nil then missing[#missing + 1] = field_path(mill, "clinker_ratio") end
      if #missing > 0 then
        ctx:insufficient_data {
          subject = mill.id,
          needs = missing,
          message = { en = "measure the cement comprehensive energy consumption (kgce/t) per GB 16780-2021 §5 and the "
                        .. "clinker ratio (%) it is corrected for",
                      zh = "需按 GB 16780-2021 第5章测算水泥单位产品综合能耗，并提供用于修正的熟料比例" },
        }
      else
        gb16780.grade(plant, ctx, {
          table = "cement.cement-energy",
          subject = mill.id,
          value = mill.cement_energy,
          field = field_path(mill, "cement_energy"),
          output = mill.cement_output,
          clinker_ratio = mill.clinker_ratio,
          ratio_field = field_path(mill, "clinker_ratio"),
        })
      end
    end
  end,
}

rule {
  id = "cement.cement-preparation-power-limit",
  title = { zh = "水泥制备工段电耗限额", en = "Cement preparation section power consumption limit" },
  sector = "cement",
  category = "compliance",
  summary = "Grades each cement grinding unit's preparation section power (kWh/t, from the clinker, gypsum and "
    .. "admixture silos to the cement silos) against GB 16780-2021 Table 3 (26/29/34 kWh/t). The reference gives no "
    .. "GB 16780-2012 value for this indicator, so earlier assessment dates have no edition in force.",
  formula = "grade = best k with value ≤ threshold_k",
  references = {
    { standard = "GB 16780-2021", clause = "Table 3", title = "水泥单位产品能源消耗限额", confidence = "high" },
  },
  evaluate = function(plant, ctx)
    for _, mill in ipairs(cement_mills(plant, ctx)) do
      if mill.preparation_power == nil then
        ctx:insufficient_data {
          subject = mill.id,
          needs = { field_path(mill, "preparation_power") },
          message = { en = "measure the cement preparation section power consumption (kWh/t)", zh = "需测算水泥制备工段电耗" },
        }
      else
        gb16780.grade(plant, ctx, {
          table = "cement.cement-preparation-power",
          subject = mill.id,
          value = mill.preparation_power,
          field = field_path(mill, "preparation_power"),
          output = mill.cement_output,
        })
      end
    end
  end,
}
