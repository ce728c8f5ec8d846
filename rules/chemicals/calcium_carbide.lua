-- Calcium carbide against GB 21343-2023: comprehensive energy and furnace power, with the NDRC
-- benchmark for comprehensive energy.

local chemical_limits = require("chemical_limits")

local GB21343 = { standard = "GB 21343-2023", clause = "calcium carbide rows (ECQ transcription; shared/reference §1.5); in force 2024-12-01 (ECQ catalog)",
                  confidence = "high" }

rule {
  id = "chemicals.carbide-energy-limit",
  title = { zh = "电石单位产品综合能耗限额", en = "Calcium carbide comprehensive energy consumption limit" },
  sector = "chemicals",
  category = "compliance",
  summary = "Grades each carbide furnace's comprehensive energy against GB 21343-2023 (805/823/940 kgce/t) and reports "
    .. "the tce gap to the NDRC benchmark (805 kgce/t, unverified figure).",
  formula = "grade = best k with value ≤ threshold_k; gap (tce/a) = (value − benchmark) × output / 1000",
  references = {
    GB21343,
    { standard = "发改产业〔2021〕1609号 (as commonly cited)",
      clause = "calcium carbide benchmark 805 / baseline 940 kgce/t — UNVERIFIED, shared/reference §2 orientation value", confidence = "low" },
  },
  evaluate = function(plant, ctx)
    chemical_limits.grade_units(plant, ctx, {
      type = "calcium_carbide_furnace",
      table = "chemicals.calcium-carbide-energy",
      indicator = "comprehensive_energy",
      missing = { en = "measure the calcium carbide comprehensive energy consumption (kgce/t) per GB 21343-2023",
                  zh = "需按 GB 21343-2023 测算电石单位产品综合能耗" },
    })
  end,
}

rule {
  id = "chemicals.carbide-furnace-power-limit",
  title = { zh = "电石电炉电耗限额", en = "Calcium carbide furnace power consumption limit" },
  sector = "chemicals",
  category = "compliance",
  summary = "Grades each carbide furnace's power per t carbide against GB 21343-2023 (3000/3080/3200 kWh/t).",
  formula = "grade = best k with value ≤ threshold_k",
  references = { GB21343 },
  evaluate = function(plant, ctx)
    chemical_limits.grade_units(plant, ctx, {
      type = "calcium_carbide_furnace",
      table = "chemicals.calcium-carbide-furnace-power",
      indicator = "furnace_power",
      missing = { en = "measure the carbide furnace power consumption (kWh/t carbide)", zh = "需测算电石电炉电耗" },
    })
  end,
}
