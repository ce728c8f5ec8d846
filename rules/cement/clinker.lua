-- Clinker energy, power and coal against GB 16780-2021 (and the edition in force on the assessment
-- date), with the altitude correction of clause 5.3; the NDRC benchmark and baseline for clinker.

local gb16780 = require("gb16780")

local GB16780_2021 = { standard = "GB 16780-2021", clause = "Table 2", title = "水泥单位产品能源消耗限额", confidence = "high" }
local GB16780_2012 = { standard = "GB 16780-2012", clause = "lines ≥ 4000 t/d (xiaomilidoc page, via shared/reference §1.1)",
                       confidence = "medium" }
local ALTITUDE = { standard = "GB 16780-2021", clause = "§5.3 formula (1): grade 3 × (1.179 − 0.211·P/101325) above 1500 m",
                   confidence = "high" }
local STANDARD_ATMOSPHERE = { standard = "ISO 2533:1975 / GB/T 1920-1980 standard atmosphere",
                              clause = "P = 101325 × (1 − 0.0065·h/288.15)^5.25588 Pa, h in m", confidence = "high" }

local function clinker_kilns(plant, ctx)
  local kilns = ediag.units(plant, "clinker_kiln")
  if #kilns == 0 then
    ctx:not_applicable("the profile lists no clinker_kiln process unit")
  end
  return kilns
end

local function field_path(unit, field)
  return "process_units[" .. unit.id .. "]." .. field
end

--- Grades one measured clinker indicator of every kiln line against a limit table.
local function grade_kilns(plant, ctx, indicator)
  for _, kiln in ipairs(clinker_kilns(plant, ctx)) do
    local value = kiln[indicator.field]
    if value == nil then
      ctx:insufficient_data {
        subject = kiln.id,
        needs = { field_path(kiln, indicator.field) },
        message = indicator.missing,
      }
    else
      gb16780.grade(plant, ctx, {
        table = indicator.table,
        subject = kiln.id,
        value = value,
        field = field_path(kiln, indicator.field),
        output = kiln.clinker_output,
      })
    end
  end
end

rule {
  id = "cement.clinker-energy-limit",
  title = { zh = "熟料单位产品综合能耗限额", en = "Clinker comprehensive energy consumption limit" },
  sector = "cement",
  category = "compliance",
  summary = "Grades each kiln line's measured clinker comprehensive energy (kgce/t) against GB 16780-2021 Table 2 "
    .. "(grades 1/2/3 = 100/107/117 kgce/t), or GB 16780-2012 (114/118/128, lines ≥ 4000 t/d) before 2022-11-01; "
    .. "above 1500 m the grade-3 value is multiplied by the altitude factor; reports the gap to the NDRC benchmark.",
  formula = "grade = best k with value ≤ threshold_k; threshold_3 × (1.179 − 0.211·P/101325) when altitude > 1500 m (corrected thresholds rounded to 0.01), "
    .. "P = 101325·(1 − 0.0065·h/288.15)^5.25588; gap (tce/a) = (value − benchmark) × clinker output / 1000",
  references = {
    GB16780_2021, GB16780_2012, ALTITUDE, STANDARD_ATMOSPHERE,
    { standard = "发改产业〔2021〕1609号", clause = "cement clinker benchmark 100 / baseline 117 kgce/t", confidence = "medium" },
  },
  examples = {
    -- 121.4 > 117 kgce/t (grade 3); gap to the benchmark (121.4 − 100) × 780 000 t / 1000 = 16 692 tce/a.
    { name = "laggard line above the limit", profile = "../../examples/plants/cement-laggard.yaml", expect = "fires",
      findings = { { subject = "K1", grade = "not_met", value = 121.4, gap = { value = 16692, tolerance = 0.01 } } } },
    -- 107 kgce/t is exactly the grade-2 value: a value on a threshold meets that grade.
    { name = "on the grade-2 value", profile = "../../examples/plants/cement-laggard.yaml",
      patch = { process_units = { K1 = { clinker_energy = "107 kgce/t" } } }, expect = "fires",
      findings = { { subject = "K1", grade = "grade_2" } } },
    { name = "not measured", profile = "../../examples/plants/cement-laggard.yaml",
      remove = { "process_units.K1.clinker_energy" }, expect = "insufficient_data", subject = "K1" },
  },
  evaluate = function(plant, ctx)
    grade_kilns(plant, ctx, {
      table = "cement.clinker-energy",
      field = "clinker_energy",
      missing = { en = "measure the clinker comprehensive energy consumption (kgce/t) per GB 16780-2021 §5",
                  zh = "需按 GB 16780-2021 第5章测算熟料单位产品综合能耗" },
    })
  end,
}

rule {
  id = "cement.clinker-power-limit",
  title = { zh = "熟料综合电耗限额", en = "Clinker comprehensive power consumption limit" },
  sector = "cement",
  category = "compliance",
  summary = "Grades each kiln line's clinker comprehensive power (kWh/t) against GB 16780-2021 Table 2 (48/57/61 kWh/t), "
    .. "or the GB 16780-2012 limit of 68 kWh/t (lines ≥ 4000 t/d; its grades 1/2 are not in the reference) before "
    .. "2022-11-01; above 1500 m the grade-3 value is multiplied by the altitude factor.",
  formula = "grade = best k with value ≤ threshold_k; threshold_3 × (1.179 − 0.211·P/101325) when altitude > 1500 m (corrected thresholds rounded to 0.01)",
  references = { GB16780_2021, GB16780_2012, ALTITUDE, STANDARD_ATMOSPHERE },
  evaluate = function(plant, ctx)
    grade_kilns(plant, ctx, {
      table = "cement.clinker-power",
      field = "clinker_power",
      missing = { en = "measure the clinker comprehensive power consumption (kWh/t)", zh = "需测算熟料综合电耗" },
    })
  end,
}

rule {
  id = "cement.clinker-coal-limit",
  title = { zh = "熟料单位产品综合煤耗限额", en = "Clinker comprehensive coal consumption limit" },
  sector = "cement",
  category = "compliance",
  summary = "Grades each kiln line's clinker comprehensive coal consumption (kgce/t) against GB 16780-2021 Table 2 "
    .. "(94/100/109 kgce/t), or the GB 16780-2012 limit of 120 kgce/t (lines ≥ 4000 t/d; grades 1/2 not in the "
    .. "reference) before 2022-11-01; above 1500 m the grade-3 value is multiplied by the altitude factor.",
  formula = "grade = best k with value ≤ threshold_k; threshold_3 × (1.179 − 0.211·P/101325) when altitude > 1500 m (corrected thresholds rounded to 0.01)",
  references = { GB16780_2021, GB16780_2012, ALTITUDE, STANDARD_ATMOSPHERE },
  evaluate = function(plant, ctx)
    grade_kilns(plant, ctx, {
      table = "cement.clinker-coal",
      field = "clinker_coal",
      missing = { en = "measure the clinker comprehensive coal consumption (kgce/t) per GB 16780-2021 §5",
                  zh = "需按 GB 16780-2021 第5章测算熟料单位产品综合煤耗" },
    })
  end,
}

-- Where a kiln stands against the NDRC benchmark (标杆) and baseline (基准).
local function benchmark_position(value, level)
  if value <= level.benchmark then return "benchmark" end
  if value <= level.baseline then return "between" end
  return "below_baseline"
end

rule {
  id = "cement.clinker-benchmark",
  title = { zh = "熟料能效标杆水平与基准水平", en = "Clinker energy efficiency against the NDRC benchmark and baseline" },
  sector = "cement",
  category = "benchmark",
  summary = "Places each kiln line's clinker comprehensive energy against the NDRC 2021 benchmark (100 kgce/t) and "
    .. "baseline (117 kgce/t): at or better than the benchmark; between the two (with the tce/a gap to the "
    .. "benchmark); or worse than the baseline, which the policy requires to be renovated or eliminated by end-2025. "
    .. "The reference gives no altitude correction for the policy levels, so none is applied.",
  formula = "position: value ≤ benchmark → benchmark level; value ≤ baseline → between; else below baseline; "
    .. "gap (tce/a) = (value − benchmark) × clinker output / 1000",
  references = {
    { standard = "发改产业〔2021〕1609号", clause = "重点领域能效标杆水平和基准水平（2021年版）: cement clinker 100 / 117 kgce/t",
      confidence = "medium" },
  },
  evaluate = function(plant, ctx)
    local level = ediag.data("cement.ndrc-benchmark").data[1]
    local kilns = clinker_kilns(plant, ctx)
    local date = plant.assessment.date
    for _, kiln in ipairs(kilns) do
      if date < level.effective then
        ctx:not_applicable { subject = kiln.id, reason = "the NDRC benchmark levels (" .. level.policy
          .. ") take effect on " .. level.effective }
      elseif kiln.clinker_energy == nil then
        ctx:insufficient_data { subject = kiln.id, needs = { field_path(kiln, "clinker_energy") } }
      else
        local value = kiln.clinker_energy
        local position = benchmark_position(value, level)
        local gap = kiln.clinker_output and (value - level.benchmark) * kiln.clinker_output / 1000 or nil
        local values = { kiln = kiln.id, value = value, benchmark = level.benchmark, baseline = level.baseline,
                         deadline = level.deadline, policy = level.policy, gap = gap or 0 }
        local gap_text = gap and { en = "; reaching the benchmark saves {gap:0} tce a year", zh = "；达到标杆可年节能 {gap:0} tce" }
          or { en = " (give clinker_output for the gap in tce a year)", zh = "（填写熟料产量可计算节能潜力）" }
        local evidence = {
          { name = "clinker comprehensive energy", value = value, unit = "kgce/t", source = field_path(kiln, "clinker_energy") },
          { name = "benchmark (标杆)", value = level.benchmark, unit = "kgce/t", source = level.source },
          { name = "baseline (基准)", value = level.baseline, unit = "kgce/t", source = level.source },
        }
        if position == "benchmark" then
          ctx:finding { subject = kiln.id, severity = "info", values = values, evidence = evidence, message = {
            en = "{kiln}: {value} kgce/t meets the NDRC clinker benchmark of {benchmark} kgce/t ({policy})",
            zh = "{kiln}：熟料综合能耗 {value} kgce/t，达到标杆水平 {benchmark} kgce/t（{policy}）" } }
        elseif position == "between" then
          ctx:finding { subject = kiln.id, severity = "warning", values = values, evidence = evidence, message = {
            en = "{kiln}: {value} kgce/t is between the NDRC baseline ({baseline}) and benchmark ({benchmark} kgce/t)" .. gap_text.en,
            zh = "{kiln}：熟料综合能耗 {value} kgce/t，介于基准水平 {baseline} 与标杆水平 {benchmark} kgce/t 之间" .. gap_text.zh } }
        else
          local overdue = date > level.deadline
          ctx:finding { subject = kiln.id, severity = "critical", values = values, evidence = evidence, message = {
            en = "{kiln}: {value} kgce/t is worse than the NDRC baseline of {baseline} kgce/t; {policy} requires "
              .. "renovation to the baseline or elimination by {deadline}" .. (overdue and " — that date has passed" or "")
              .. gap_text.en,
            zh = "{kiln}：熟料综合能耗 {value} kgce/t，未达基准水平 {baseline} kgce/t；按{policy}须于 {deadline} 前完成改造或淘汰"
              .. (overdue and "（期限已过）" or "") .. gap_text.zh } }
        end
      end
    end
  end,
}
