-- Clinker energy and power against GB 16780-2021 (and the edition in force on the assessment date).

local function kilns_or_missing(plant, ctx)
  local kilns = ediag.units(plant, "clinker_kiln")
  if #kilns == 0 then
    ctx:not_applicable("the profile lists no clinker_kiln process unit")
  end
  return kilns
end

rule {
  id = "cement.clinker-energy-limit",
  title = { zh = "熟料单位产品综合能耗限额", en = "Clinker comprehensive energy consumption limit" },
  sector = "cement",
  category = "compliance",
  summary = "Grades each kiln line's measured clinker comprehensive energy (kgce/t) against GB 16780-2021 Table 2 "
    .. "(grades 1/2/3 = 100/107/117 kgce/t) in the edition in force on the assessment date; reports the gap to the NDRC benchmark.",
  formula = "grade = best k with value ≤ threshold_k; gap (tce/a) = (value − benchmark) × clinker output / 1000",
  references = {
    { standard = "GB 16780-2021", clause = "Table 2", title = "水泥单位产品能源消耗限额", confidence = "high" },
    { standard = "发改产业〔2021〕1609号", clause = "cement clinker benchmark 100 / baseline 117 kgce/t", confidence = "medium" },
  },
  evaluate = function(plant, ctx)
    for _, kiln in ipairs(kilns_or_missing(plant, ctx)) do
      if kiln.clinker_energy == nil then
        ctx:insufficient_data {
          subject = kiln.id,
          needs = { "process_units[" .. kiln.id .. "].clinker_energy" },
          message = { en = "measure the clinker comprehensive energy consumption (kgce/t) per GB 16780-2021 §5",
                      zh = "需按 GB 16780-2021 第5章测算熟料单位产品综合能耗" },
        }
      else
        ctx:compliance {
          subject = kiln.id,
          value = kiln.clinker_energy,
          limits = ediag.limits("cement.clinker-energy"),
          output = kiln.clinker_output,
          source = "process_units[" .. kiln.id .. "].clinker_energy",
        }
      end
    end
  end,
}

rule {
  id = "cement.clinker-power-limit",
  title = { zh = "熟料综合电耗限额", en = "Clinker comprehensive power consumption limit" },
  sector = "cement",
  category = "compliance",
  summary = "Grades each kiln line's clinker comprehensive power (kWh/t) against GB 16780-2021 Table 2 (48/57/61 kWh/t).",
  formula = "grade = best k with value ≤ threshold_k",
  references = {
    { standard = "GB 16780-2021", clause = "Table 2", title = "水泥单位产品能源消耗限额", confidence = "high" },
  },
  evaluate = function(plant, ctx)
    for _, kiln in ipairs(kilns_or_missing(plant, ctx)) do
      if kiln.clinker_power == nil then
        ctx:insufficient_data {
          subject = kiln.id,
          needs = { "process_units[" .. kiln.id .. "].clinker_power" },
          message = { en = "measure the clinker comprehensive power consumption (kWh/t)", zh = "需测算熟料综合电耗" },
        }
      else
        ctx:compliance {
          subject = kiln.id,
          value = kiln.clinker_power,
          limits = ediag.limits("cement.clinker-power"),
          output = kiln.clinker_output,
          source = "process_units[" .. kiln.id .. "].clinker_power",
        }
      end
    end
  end,
}
