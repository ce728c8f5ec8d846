-- Synthetic ammonia (GB 21344-2023), soda ash (GB 29140-2024) and methanol (GB 29436-2023).

local chemical_limits = require("chemical_limits")

rule {
  id = "chemicals.ammonia-energy-limit",
  title = { zh = "合成氨单位产品综合能耗限额", en = "Synthetic ammonia comprehensive energy consumption limit" },
  sector = "chemicals",
  category = "compliance",
  summary = "Grades each ammonia unit's comprehensive energy against GB 21344-2023 by feedstock: premium anthracite lump "
    .. "1090/1100/1350, non-premium lump or briquette 1180/1200/1520, pulverized coal 1340/1350/1550, lignite "
    .. "1700/1800/1900, natural gas 996/1000/1200 kgce/t; for premium anthracite reports the tce gap to the NDRC "
    .. "benchmark (1100 kgce/t, unverified figure).",
  formula = "grade = best k with value ≤ threshold_k; gap (tce/a) = (value − benchmark) × output / 1000",
  references = {
    { standard = "GB 21344-2023", clause = "synthetic ammonia by feedstock (ECQ transcription; shared/reference §1.5); in force 2024-12-01 (ECQ catalog)",
      confidence = "high" },
    { standard = "发改产业〔2021〕1609号 (as commonly cited)",
      clause = "ammonia (premium anthracite) benchmark 1100 / baseline 1350 kgce/t — UNVERIFIED, shared/reference §2 orientation value",
      confidence = "low" },
  },
  evaluate = function(plant, ctx)
    chemical_limits.grade_units(plant, ctx, {
      type = "ammonia",
      table = "chemicals.ammonia-energy",
      indicator = "comprehensive_energy",
      selectors = { { field = "feedstock" } },
      missing = { en = "measure the ammonia comprehensive energy consumption (kgce/t) per GB 21344-2023",
                  zh = "需按 GB 21344-2023 测算合成氨单位产品综合能耗" },
    })
  end,
}

--- GB 29140-2024 thresholds of a soda-ash row for this unit: joint-process rows × 1.18 when the raw
--- salt is sun-dried (all three grades), rounded to 0.01.
local function soda_ash_thresholds(_, unit, edition, row)
  local thresholds = { row.grade1, row.grade2, row.grade3 }
  local correction = edition.sun_dried_salt_correction
  if correction == nil or unit.process ~= correction.process or not unit.sun_dried_salt then
    return thresholds, {}
  end
  for _, grade in ipairs(correction.grades) do
    if thresholds[grade] then thresholds[grade] = ediag.round(thresholds[grade] * correction.factor, 2) end
  end
  return thresholds, {
    { name = row.standard .. " sun-dried salt factor (joint process)", value = correction.factor, unit = "1",
      source = correction.source },
  }
end

rule {
  id = "chemicals.soda-ash-energy-limit",
  title = { zh = "纯碱单位产品综合能耗限额", en = "Soda ash comprehensive energy consumption limit" },
  sector = "chemicals",
  category = "compliance",
  summary = "Grades each soda-ash unit's comprehensive energy against GB 29140-2024 Table 1: ammonia-soda light/heavy "
    .. "310/320/370 and 350/365/420; joint process (refined salt) light/heavy 145/160/200 and 185/205/250 kgce/t, "
    .. "multiplied by 1.18 when the joint process runs on sun-dried salt.",
  formula = "grade = best k with value ≤ threshold_k; joint process on sun-dried salt: threshold_k × 1.18 (rounded to 0.01)",
  references = {
    { standard = "GB 29140-2024", clause = "Table 1 (ECQ transcription; shared/reference §1.5); in force 2025-05-01 (ECQ catalog)",
      confidence = "high" },
  },
  evaluate = function(plant, ctx)
    chemical_limits.grade_units(plant, ctx, {
      type = "soda_ash",
      table = "chemicals.soda-ash-energy",
      indicator = "comprehensive_energy",
      selectors = { { field = "process" }, { field = "grade" } },
      correct = soda_ash_thresholds,
      missing = { en = "measure the soda ash comprehensive energy consumption (kgce/t) per GB 29140-2024",
                  zh = "需按 GB 29140-2024 测算纯碱单位产品综合能耗" },
    })
  end,
}

rule {
  id = "chemicals.methanol-energy-limit",
  title = { zh = "甲醇单位产品综合能耗限额", en = "Methanol comprehensive energy consumption limit" },
  sector = "chemicals",
  category = "compliance",
  summary = "Grades each methanol unit's comprehensive energy against GB 29436-2023 by feedstock: bituminous coal "
    .. "1380/1400/1800, anthracite 1200/1250/1500, lignite 1750/1800/2000, natural gas 1130/1150/1380, coke-oven gas "
    .. "1280/1400/1500 kgce/t.",
  formula = "grade = best k with value ≤ threshold_k",
  references = {
    { standard = "GB 29436-2023", clause = "methanol by feedstock (ECQ transcription; shared/reference §1.5); in force 2024-12-01 (ECQ catalog)",
      confidence = "high" },
  },
  evaluate = function(plant, ctx)
    chemical_limits.grade_units(plant, ctx, {
      type = "methanol",
      table = "chemicals.methanol-energy",
      indicator = "comprehensive_energy",
      selectors = { { field = "feedstock" } },
      missing = { en = "measure the methanol comprehensive energy consumption (kgce/t) per GB 29436-2023",
                  zh = "需按 GB 29436-2023 测算甲醇单位产品综合能耗" },
    })
  end,
}
