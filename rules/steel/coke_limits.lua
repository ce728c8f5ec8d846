-- Coke process energy against GB 21342-2025 (in force 2026-05-01) by oven type, with the standard's
-- corrections for heating gas, coal volatile matter and moisture, oven age and wet quenching.

local steelworks = require("steelworks")

-- GB 21342-2025 §5.3 corrections by oven type (shared/reference/energy-figures.md §1.2; ECQ transcription).
local OVEN_CORRECTIONS = {
  top_charging = { mixed_gas = 8.00, moisture_basis = 10, per_moisture_point = 3.67, volatile_range = "21–28 %" },
  stamp_charging = { mixed_gas = 12.00, moisture_basis = 10.5, per_moisture_point = 3.71, volatile_range = "25–32 %" },
}
-- Oven age: over 15 up to 25 years +2.50, over 25 years +5.50 (grades 1 and 3 only).
local AGE_ALLOWANCES = { { above = 25, allowance = 5.50 }, { above = 15, allowance = 2.50 } }
-- Wet quenching: +46.46 kgce/t, grade 3 only.
local WET_QUENCH_ALLOWANCE = 46.46

--- The volatile-matter correction of the standard's table, interpolated linearly between its points;
--- nil outside the table.
local function volatile_correction(oven_type, volatile)
  local points = ediag.data("steel.coke-volatile-correction").data[oven_type]
  for i = 1, #points - 1 do
    local low, high = points[i], points[i + 1]
    if volatile >= low.volatile and volatile <= high.volatile then
      local slope = (high.correction - low.correction) / (high.volatile - low.volatile)
      return low.correction + (volatile - low.volatile) * slope
    end
  end
  return nil
end

local function oven_age_allowance(age)
  for _, step in ipairs(AGE_ALLOWANCES) do
    if age > step.above then return step.allowance end
  end
  return 0
end

--- Battery age: the profile's oven_age, else the assessment year minus the commissioning year.
local function battery_age(plant, oven)
  if oven.oven_age ~= nil then return oven.oven_age, steelworks.field(oven, "oven_age") end
  if oven.commissioned ~= nil then
    return ediag.year(plant.assessment.date) - oven.commissioned,
      "assessment year − " .. steelworks.field(oven, "commissioned")
  end
  return nil
end

rule {
  id = "steel.coke-energy-limit",
  title = { zh = "焦炭单位产品能耗限额", en = "Coke process energy consumption limit" },
  sector = "steel",
  category = "compliance",
  summary = "Grades each coke-oven battery's measured process energy (kgce/t coke) against GB 21342-2025 by oven type "
    .. "(top-charging 110/110/135, stamp-charging 115/115/140) after the standard's corrections: mixed-gas heating, "
    .. "coal volatile matter (table) and moisture on all grades, oven age on grades 1 and 3, wet quenching +46.46 on grade 3 only.",
  formula = "common = mixed-gas coefficient × share + volatile correction + moisture coefficient × max(0, moisture − basis); "
    .. "threshold_1 = g1 + common + age; threshold_2 = g2 + common; threshold_3 = g3 + common + age + 46.46 (wet quench)",
  references = {
    { standard = "GB 21342-2025", title = "焦炭单位产品能源消耗限额", clause = "§4 Tables 1–2; §5.3 corrections (ECQ transcription)",
      confidence = "high" },
    { standard = "GB 21342-2025 volatile-matter correction table (ECQ, github adgo07/ECQuota-Insight tools/build_first_batch.py)",
      clause = "values not in shared/reference, which names only the table and its bases", confidence = "medium" },
    { standard = "NDRC benchmark/baseline, stamp-charged coke 110/140", clause = "steel benchmarking demo repository; shared/reference §2",
      confidence = "low" },
  },
  evaluate = function(plant, ctx)
    local ovens = ediag.units(plant, "coke_oven")
    if #ovens == 0 then
      ctx:not_applicable("the profile lists no coke_oven process unit")
      return
    end
    for _, oven in ipairs(ovens) do
      local age, age_source = battery_age(plant, oven)
      local needs = {}
      for _, name in ipairs({ "process_energy", "oven_type", "quenching", "volatile_matter", "coal_moisture" }) do
        if oven[name] == nil then needs[#needs + 1] = steelworks.field(oven, name) end
      end
      if age == nil then needs[#needs + 1] = steelworks.field(oven, "oven_age") end
      if #needs > 0 then
        ctx:insufficient_data {
          subject = oven.id, needs = needs,
          message = { en = "GB 21342-2025 grading needs the coke process energy, the oven type, the quenching method, "
                        .. "the coal blend's volatile matter and moisture, and the battery age",
                      zh = "GB 21342-2025 判级需焦炭单位产品能耗、炉型、熄焦方式、入炉煤挥发分与水分及炉龄" },
        }
      else
        local c = OVEN_CORRECTIONS[oven.oven_type]
        local volatile = volatile_correction(oven.oven_type, oven.volatile_matter)
        if volatile == nil then
          ctx:not_applicable { subject = oven.id, reason = "coal volatile matter " .. oven.volatile_matter
            .. " % is outside the GB 21342-2025 correction table for " .. oven.oven_type .. " ovens (" .. c.volatile_range
            .. "), so the limit cannot be corrected" }
        else
          local mixed_gas = c.mixed_gas * (oven.mixed_gas_heating_share or 0) / 100
          local moisture = c.per_moisture_point * math.max(0, oven.coal_moisture - c.moisture_basis)
          local common = mixed_gas + volatile + moisture
          local age_allowance = oven_age_allowance(age)
          local wet_quench = oven.quenching == "wet" and WET_QUENCH_ALLOWANCE or 0
          local per_grade = { age_allowance, 0, age_allowance + wet_quench }
          steelworks.grade(ctx, oven, {
            table = "steel.coke-energy",
            match = { oven_type = oven.oven_type },
            value = oven.process_energy,
            output = oven.coke_output,
            field = "process_energy",
            correct = function(base, i) return base + common + per_grade[i] end,
            evidence = {
              { name = "mixed-gas heating (" .. c.mixed_gas .. " × share)", value = mixed_gas, unit = "kgce/t",
                source = oven.mixed_gas_heating_share and steelworks.field(oven, "mixed_gas_heating_share")
                  or "mixed_gas_heating_share absent: coke-oven gas only" },
              { name = "volatile-matter correction (" .. oven.volatile_matter .. " % dry basis)", value = volatile, unit = "kgce/t",
                source = steelworks.field(oven, "volatile_matter") .. "; GB 21342-2025 table, linear between points" },
              { name = "moisture allowance (" .. c.per_moisture_point .. " per % above " .. c.moisture_basis .. " %)",
                value = moisture, unit = "kgce/t", source = steelworks.field(oven, "coal_moisture") },
              { name = "oven-age allowance, grades 1 and 3 (age " .. age .. " a)", value = age_allowance, unit = "kgce/t",
                source = age_source },
              { name = "wet-quenching allowance, grade 3 only", value = wet_quench, unit = "kgce/t",
                source = steelworks.field(oven, "quenching") .. " = " .. oven.quenching },
            },
          })
        end
      end
    end
  end,
}
