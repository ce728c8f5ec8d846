-- Alumina refineries against GB 21346-2022: process and comprehensive energy, Bayer or other route.

local GB21346 = { standard = "GB 21346-2022", clause = "alumina indicators (Bayer / other route)",
                  title = "电解铝和氧化铝单位产品能源消耗限额", confidence = "high" }

--- Grades one alumina indicator for each refinery; the row is chosen by the refinery's route.
local function grade_refineries(plant, ctx, field, table_id, hint)
  local refineries = ediag.units(plant, "alumina_refinery")
  if #refineries == 0 then
    ctx:not_applicable("the profile lists no alumina_refinery process unit")
    return
  end
  for _, refinery in ipairs(refineries) do
    local missing = {}
    if refinery.route == nil then missing[#missing + 1] = "process_units[" .. refinery.id .. "].route" end
    if refinery[field] == nil then missing[#missing + 1] = "process_units[" .. refinery.id .. "]." .. field end
    if #missing > 0 then
      ctx:insufficient_data { subject = refinery.id, needs = missing, message = hint }
    else
      ctx:compliance {
        subject = refinery.id,
        value = refinery[field],
        limits = ediag.limits(table_id, { route = refinery.route }),
        output = refinery.alumina_output,
        source = "process_units[" .. refinery.id .. "]." .. field,
      }
    end
  end
end

rule {
  id = "nonferrous.alumina-process-energy-limit",
  title = { zh = "氧化铝工艺能耗限额", en = "Alumina process energy consumption limit" },
  sector = "nonferrous",
  category = "compliance",
  summary = "Grades each refinery's alumina process energy (kgce/t) against GB 21346-2022: Bayer 310 / 360 / 430, "
    .. "other routes 500 / 550 / 650 kgce/t.",
  formula = "grade = best k with value ≤ threshold_k (row chosen by route)",
  references = { GB21346 },
  evaluate = function(plant, ctx)
    grade_refineries(plant, ctx, "process_energy", "nonferrous.alumina-process-energy",
      { en = "give the route (bayer or other) and measure the alumina process energy consumption (kgce/t) per GB 21346-2022",
        zh = "需注明工艺路线并按 GB 21346-2022 测算氧化铝工艺能耗" })
  end,
}

rule {
  id = "nonferrous.alumina-comprehensive-energy-limit",
  title = { zh = "氧化铝综合能耗限额", en = "Alumina comprehensive energy consumption limit" },
  sector = "nonferrous",
  category = "compliance",
  summary = "Grades each refinery's alumina comprehensive energy (kgce/t) against GB 21346-2022: Bayer 340 / 390 / 460, "
    .. "other routes 550 / 600 / 700 kgce/t.",
  formula = "grade = best k with value ≤ threshold_k (row chosen by route)",
  references = { GB21346 },
  evaluate = function(plant, ctx)
    grade_refineries(plant, ctx, "comprehensive_energy", "nonferrous.alumina-comprehensive-energy",
      { en = "give the route (bayer or other) and measure the alumina comprehensive energy consumption (kgce/t) per GB 21346-2022",
        zh = "需注明工艺路线并按 GB 21346-2022 测算氧化铝综合能耗" })
  end,
}
