-- Supply and heat-supply coal consumption rates of coal-fired units (GB 21258-2024) and gas
-- combined-cycle units (GB 45247-2025), graded per unit class with the corrections of §5.3.

local power_limits = require("power_limits")
local power_units = require("power_units")

local GB21258_2024 = { standard = "GB 21258-2024", clause = "Table 1, p8; §5.3 corrections; Table 2 additions",
                       title = "燃煤发电机组单位产品能源消耗限额", confidence = "high" }
local GB45247_2025 = { standard = "GB 45247-2025", clause = "Table 1, p6; §5.3 corrections; air cooling +5 gce/kWh at grade 2",
                       title = "燃气-蒸汽联合循环发电机组单位产品能源消耗限额", confidence = "high" }
local ECQ_CORRECTIONS = { standard = "ECQ transcription (adgo07/ECQuota-Insight, tools/build_verified_rules_batch12/13 and the GB 45247-2025 script)",
                          clause = "which grades the total correction factor and the additions apply to; dates of publication and entry into force",
                          confidence = "medium" }

local function supplied_or_nil(unit)
  return (power_units.supplied(unit))
end

-- Heat-supply limits apply to units that supply heat (or do not say they do not).
local function supplies_heat(unit)
  if unit.heat_supply == nil or unit.heat_supply > 0 then return true end
  return false, "the unit supplies no heat (heat_supply is 0)"
end

rule {
  id = "power.coal-supply-coal-rate-limit",
  title = { zh = "燃煤发电机组供电煤耗率限额", en = "Supply coal consumption limit of coal-fired units" },
  sector = "power",
  category = "compliance",
  summary = "Grades each coal-fired unit's measured supply coal rate (gce/kWh) against GB 21258-2024 Table 1 for its "
    .. "class (e.g. USC 1000 MW 268/276/283; SC 600 MW 286/285/299 — grade 2 below grade 1, as published; UHP ≤ 200 MW "
    .. "limit 352 only), multiplied by the assessor's total correction factor of Tables 3–6; air-cooled, W-flame and CFB "
    .. "units add the Table 2 value (given in the profile) to grades 1 and 3. GB 21258-2017's values were not found, so "
    .. "before 2025-04-01 no edition is graded.",
  formula = "threshold_k = Table 1 value_k × K (k = 1, 2, 3) + Table 2 addition (k = 1, 3; air-cooled, W-flame or CFB "
    .. "units); grade = best k with supply coal rate ≤ threshold_k",
  references = { GB21258_2024, ECQ_CORRECTIONS },
  evaluate = function(plant, ctx)
    power_limits.grade_units(plant, ctx, {
      unit_type = "power_unit",
      table = "power.coal-supply-coal-rate",
      field = "supply_coal_rate",
      output = supplied_or_nil,
      missing = { en = "measure the supply coal consumption rate (gce/kWh) per GB 21258-2024 §5",
                  zh = "需按 GB 21258-2024 第5章测算供电煤耗率" },
    })
  end,
}

rule {
  id = "power.coal-heat-supply-coal-rate-limit",
  title = { zh = "燃煤发电机组供热煤耗率限额", en = "Heat-supply coal consumption limit of coal-fired units" },
  sector = "power",
  category = "compliance",
  summary = "Grades each coal-fired unit that supplies heat on its measured heat-supply coal rate (kgce/GJ) against "
    .. "GB 21258-2024 Table 1: 40 / 40.5 / 42 kgce/GJ, subcritical units 42.5 at grade 3, multiplied by the total "
    .. "correction factor. Pure condensing units (heat_supply 0) are not graded.",
  formula = "threshold_k = Table 1 value_k × K; grade = best k with heat-supply coal rate ≤ threshold_k",
  references = { GB21258_2024, ECQ_CORRECTIONS },
  evaluate = function(plant, ctx)
    power_limits.grade_units(plant, ctx, {
      unit_type = "power_unit",
      table = "power.coal-heat-supply-coal-rate",
      field = "heat_supply_coal_rate",
      applies = supplies_heat,
      missing = { en = "measure the heat-supply coal consumption rate (kgce/GJ) per GB 21258-2024 §5, or give heat_supply: 0 for a pure condensing unit",
                  zh = "需测算供热煤耗率；纯凝机组请填写 heat_supply: 0" },
    })
  end,
}

rule {
  id = "power.ccgt-supply-coal-rate-limit",
  title = { zh = "燃气-蒸汽联合循环机组供电煤耗率限额", en = "Supply coal consumption limit of gas combined-cycle units" },
  sector = "power",
  category = "compliance",
  summary = "Grades each combined-cycle unit's supply coal rate (gce/kWh) against GB 45247-2025 Table 1 for its class "
    .. "(H 500 MW 201/210/215 … E 100 MW 232/245/259); grades 1 and 3 are multiplied by the total correction factor "
    .. "and air-cooled units add 5 gce/kWh to grade 2. The standard is a first edition in force from 2025-08-01.",
  formula = "threshold_1,3 = Table 1 value × K; threshold_2 = Table 1 value + 5 (air-cooled) or + 0; "
    .. "grade = best k with supply coal rate ≤ threshold_k",
  references = { GB45247_2025, ECQ_CORRECTIONS },
  evaluate = function(plant, ctx)
    power_limits.grade_units(plant, ctx, {
      unit_type = "ccgt_unit",
      table = "power.ccgt-supply-coal-rate",
      field = "supply_coal_rate",
      output = supplied_or_nil,
      missing = { en = "measure the supply coal consumption rate (gce/kWh) per GB 45247-2025",
                  zh = "需按 GB 45247-2025 测算供电煤耗率" },
    })
  end,
}

rule {
  id = "power.ccgt-heat-supply-coal-rate-limit",
  title = { zh = "燃气-蒸汽联合循环机组供热煤耗率限额", en = "Heat-supply coal consumption limit of gas combined-cycle units" },
  sector = "power",
  category = "compliance",
  summary = "Grades each combined-cycle unit that supplies heat on its heat-supply coal rate against GB 45247-2025 "
    .. "Table 1: 38 / 38.5 / 39 kgce/GJ for every class, without correction.",
  formula = "grade = best k with heat-supply coal rate ≤ 38 / 38.5 / 39 kgce/GJ",
  references = { GB45247_2025, ECQ_CORRECTIONS },
  evaluate = function(plant, ctx)
    power_limits.grade_units(plant, ctx, {
      unit_type = "ccgt_unit",
      table = "power.ccgt-heat-supply-coal-rate",
      field = "heat_supply_coal_rate",
      by_class = false,
      applies = supplies_heat,
      missing = { en = "measure the heat-supply coal consumption rate (kgce/GJ), or give heat_supply: 0 for a unit that supplies no heat",
                  zh = "需测算供热煤耗率；不供热机组请填写 heat_supply: 0" },
    })
  end,
}
