-- Caustic soda and PVC resin against GB 21257-2024, with the NDRC benchmark for liquid caustic ≥ 30 %.

local chemical_limits = require("chemical_limits")

local GB21257 = { standard = "GB 21257-2024", clause = "Tables 1 and 2 (ECQ transcription; shared/reference §1.5); in force 2025-05-01 (ECQ catalog)",
                  confidence = "high" }
local NDRC_CAUSTIC = { standard = "发改产业〔2021〕1609号 (as commonly cited)",
                       clause = "liquid caustic ≥ 30 % benchmark 315 / baseline 350 kgce/t — UNVERIFIED, shared/reference §2 orientation value",
                       confidence = "low" }

rule {
  id = "chemicals.caustic-soda-energy-limit",
  title = { zh = "烧碱单位产品综合能耗限额", en = "Caustic soda comprehensive energy consumption limit" },
  sector = "chemicals",
  category = "compliance",
  summary = "Grades each caustic soda unit's comprehensive energy (kgce/t, 100 % NaOH) against GB 21257-2024 Table 1 "
    .. "by product grade: liquid ≥ 30 % 308/315/350, liquid ≥ 45 % 410/420/470, solid ≥ 98 % 600/620/685 kgce/t; "
    .. "for liquid ≥ 30 % reports the tce gap to the NDRC benchmark (315 kgce/t, unverified figure).",
  formula = "grade = best k with value ≤ threshold_k; gap (tce/a) = (value − benchmark) × output / 1000",
  references = { GB21257, NDRC_CAUSTIC },
  evaluate = function(plant, ctx)
    chemical_limits.grade_units(plant, ctx, {
      type = "caustic_soda",
      table = "chemicals.caustic-soda-energy",
      indicator = "comprehensive_energy",
      selectors = { { field = "grade" } },
      missing = { en = "measure the caustic soda comprehensive energy consumption (kgce/t, 100 % NaOH) per GB 21257-2024",
                  zh = "需按 GB 21257-2024 测算烧碱单位产品综合能耗（折100%）" },
    })
  end,
}

rule {
  id = "chemicals.pvc-energy-limit",
  title = { zh = "聚氯乙烯树脂单位产品综合能耗限额", en = "PVC resin comprehensive energy consumption limit" },
  sector = "chemicals",
  category = "compliance",
  summary = "Grades each general-purpose PVC unit's comprehensive energy (kgce/t) against GB 21257-2024 Table 2: "
    .. "carbide route 185/193/270, ethylene or combined route 600/620/635 kgce/t. Paste and other special resins "
    .. "are not graded (their rows are not in the reference).",
  formula = "grade = best k with value ≤ threshold_k",
  references = { GB21257 },
  evaluate = function(plant, ctx)
    chemical_limits.grade_units(plant, ctx, {
      type = "pvc",
      table = "chemicals.pvc-energy",
      indicator = "comprehensive_energy",
      selectors = { { field = "route" }, { field = "resin", default = "general" } },
      missing = { en = "measure the PVC comprehensive energy consumption (kgce/t) per GB 21257-2024",
                  zh = "需按 GB 21257-2024 测算聚氯乙烯单位产品综合能耗" },
    })
  end,
}
