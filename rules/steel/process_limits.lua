-- Process energy of sintering, pelletizing, blast furnace, converter and EAF against GB 21256-2025
-- (in force 2026-07-01). The 2013 edition's values were not found, so before that date no edition is
-- in force: ctx:compliance reports "no edition in force" and names GB 21256-2025 as the first one.

local steelworks = require("steelworks")

local GB21256 = { standard = "GB 21256-2025", title = "粗钢生产主要工序单位产品能源消耗限额", confidence = "high" }

local function reference(clause)
  return { standard = GB21256.standard, title = GB21256.title, clause = clause, confidence = GB21256.confidence }
end

local NDRC_STEEL = {
  standard = "发改产业〔2023〕723号 (NDRC benchmark/baseline list)",
  clause = "as cited by a steel benchmarking demo repository; shared/reference/energy-figures.md §2",
  confidence = "low",
}

-- GB 21256-2025 §4.1–4.2: kgce/t added to every grade per % of each ore type in the burden.
local SINTER_PELLET_ORE = { rare_earth = 0.15, vti_magnetite = 0.2, laterite_nickel = 1.2 }
-- GB 21256-2025 §4.3: the same for the blast furnace.
local BLAST_FURNACE_ORE = { rare_earth = 0.3, vti_magnetite = 0.45, laterite_nickel = 0.5 }
-- GB 21256-2025 §4.3: +3.61 kgce/t per % of feed grade below 62 %, at most 5 points; none above 62 %.
local FEED_GRADE_BASIS, FEED_GRADE_ALLOWANCE, FEED_GRADE_MAX_POINTS = 62, 3.61, 5
-- GB 21256-2025 §4.4: +0.23 kgce/t per % scrap ratio; additions by steel category.
local CONVERTER_SCRAP_ALLOWANCE = 0.23
local CONVERTER_CATEGORY_ADDITION = { plain = 0, quality_carbon = 0.8, bearing_gear_wire_tool = 1.2, deep_drawing_pipeline = 1.5 }
-- GB 21256-2025 §4.5: −0.8 kgce/t per % hot metal; all-stainless ×1.10 of the base; category additions.
local EAF_HOT_METAL_DEDUCTION, EAF_STAINLESS_FACTOR = 0.8, 1.10
local EAF_CATEGORY_ADDITION = { plain = 0, stainless = 0, quality_carbon = 8, bearing_gear_wire_tool = 15 }

local ORE_SOURCE = "GB 21256-2025 ore-type correction"

--- Sintering and pelletizing share one check: measured energy, ore-type allowance, grade.
local function grade_burden_process(plant, ctx, unit_type, output_field, table_id, what)
  local units = ediag.units(plant, unit_type)
  if #units == 0 then
    ctx:not_applicable("the profile lists no " .. unit_type .. " process unit")
    return
  end
  for _, unit in ipairs(units) do
    if not steelworks.report_missing(ctx, unit, { "process_energy" }, {
      en = "measure the " .. what .. " process energy consumption (kgce/t) as GB 21256-2025 defines it",
      zh = "需按 GB 21256-2025 测算" .. (what == "sintering" and "烧结" or "球团") .. "工序单位产品能耗",
    }) then
      local allowance, evidence = steelworks.ore_type_allowance(unit, SINTER_PELLET_ORE, ORE_SOURCE)
      steelworks.grade(ctx, unit, {
        table = table_id,
        value = unit.process_energy,
        output = unit[output_field],
        field = "process_energy",
        correct = function(base) return base + allowance end,
        evidence = evidence,
      })
    end
  end
end

rule {
  id = "steel.sintering-energy-limit",
  title = { zh = "烧结工序单位产品能耗限额", en = "Sintering process energy consumption limit" },
  sector = "steel",
  category = "compliance",
  summary = "Grades each sinter strand's measured process energy (kgce/t) against GB 21256-2025 Table 1 (43/46/52), "
    .. "raised for rare-earth ore, V-Ti magnetite and laterite nickel ore in the burden; reports the gap to the NDRC benchmark (45).",
  formula = "threshold_k = published_k + 0.15·rare-earth % + 0.2·V-Ti magnetite % + 1.2·laterite nickel %; "
    .. "grade = best k with value ≤ threshold_k; gap (tce/a) = (value − 45) × sinter output / 1000",
  references = {
    reference("§4.1 Table 1 (43/46/52 kgce/t); ore corrections +0.15/+0.2/+1.2 per %"),
    NDRC_STEEL,
  },
  evaluate = function(plant, ctx)
    grade_burden_process(plant, ctx, "sinter_machine", "sinter_output", "steel.sintering-energy", "sintering")
  end,
}

rule {
  id = "steel.pelletizing-energy-limit",
  title = { zh = "球团工序单位产品能耗限额", en = "Pelletizing process energy consumption limit" },
  sector = "steel",
  category = "compliance",
  summary = "Grades each pellet plant's measured process energy (kgce/t) against GB 21256-2025 Table 2 (15/22/33), "
    .. "with the same ore-type corrections as sintering; reports the gap to the NDRC benchmark (15).",
  formula = "threshold_k = published_k + 0.15·rare-earth % + 0.2·V-Ti magnetite % + 1.2·laterite nickel %; "
    .. "grade = best k with value ≤ threshold_k; gap (tce/a) = (value − 15) × pellet output / 1000",
  references = {
    reference("§4.2 Table 2 (15/22/33 kgce/t); ore corrections as §4.1"),
    NDRC_STEEL,
  },
  evaluate = function(plant, ctx)
    grade_burden_process(plant, ctx, "pellet_plant", "pellet_output", "steel.pelletizing-energy", "pelletizing")
  end,
}

--- Feed-grade allowance of the blast furnace: 3.61 kgce/t per % below 62 %, at most 5 points.
local function feed_grade_allowance(feed_grade)
  local points = math.min(FEED_GRADE_MAX_POINTS, math.max(0, FEED_GRADE_BASIS - feed_grade))
  return points * FEED_GRADE_ALLOWANCE, points
end

rule {
  id = "steel.blast-furnace-energy-limit",
  title = { zh = "高炉工序单位产品能耗限额", en = "Blast-furnace process energy consumption limit" },
  sector = "steel",
  category = "compliance",
  summary = "Grades each blast furnace's measured process energy (kgce/t hot metal) against GB 21256-2025 Table 3 "
    .. "(361/370/415), raised by 3.61 kgce/t per % of feed grade below 62 % (at most 5 points) and for special ore types; "
    .. "reports the gap to the NDRC benchmark (361).",
  formula = "threshold_k = published_k + 3.61 × min(5, max(0, 62 − feed grade %)) + 0.3·rare-earth % + 0.45·V-Ti magnetite % "
    .. "+ 0.5·laterite nickel %; grade = best k with value ≤ threshold_k; gap (tce/a) = (value − 361) × hot metal / 1000",
  references = {
    reference("§4.3 Table 3 (361/370/415 kgce/t); §4.3.2–4.3.5 feed grade +3.61 per % below 62 % (max 5 points), ore +0.3/+0.45/+0.5 per %"),
    NDRC_STEEL,
  },
  evaluate = function(plant, ctx)
    local furnaces = ediag.units(plant, "blast_furnace")
    if #furnaces == 0 then
      ctx:not_applicable("the profile lists no blast_furnace process unit")
      return
    end
    for _, bf in ipairs(furnaces) do
      if not steelworks.report_missing(ctx, bf, { "process_energy", "feed_grade" }, {
        en = "measure the blast-furnace process energy (kgce/t) and the iron grade of the burden (% Fe), which corrects the limit",
        zh = "需测算高炉工序单位产品能耗及入炉原料品位（品位低于62%时修正限额）",
      }) then
        local grade_allowance, points = feed_grade_allowance(bf.feed_grade)
        local ore_allowance, evidence = steelworks.ore_type_allowance(bf, BLAST_FURNACE_ORE, ORE_SOURCE)
        table.insert(evidence, 1, {
          name = "feed-grade allowance (" .. points .. " points below 62 % × 3.61)", value = grade_allowance, unit = "kgce/t",
          source = steelworks.field(bf, "feed_grade") .. " = " .. bf.feed_grade .. " %; GB 21256-2025 §4.3",
        })
        steelworks.grade(ctx, bf, {
          table = "steel.blast-furnace-energy",
          value = bf.process_energy,
          output = bf.hot_metal_output,
          field = "process_energy",
          correct = function(base) return base + grade_allowance + ore_allowance end,
          evidence = evidence,
        })
      end
    end
  end,
}

rule {
  id = "steel.converter-energy-limit",
  title = { zh = "转炉工序单位产品能耗限额", en = "Converter process energy consumption limit" },
  sector = "steel",
  category = "compliance",
  summary = "Grades each BOF shop's measured process energy (kgce/t steel, usually negative) against GB 21256-2025 Table 4 "
    .. "(−30/−28/−12), raised by 0.23 kgce/t per % scrap ratio and by the steel-category addition; special-purpose "
    .. "converters are not graded. Reports the gap to the NDRC benchmark (−30).",
  formula = "threshold_k = published_k + 0.23 × scrap ratio % + category addition (plain 0, quality carbon 0.8, "
    .. "bearing/gear/wire/tool 1.2, deep drawing/pipeline 1.5); gap (tce/a) = (value − (−30)) × steel output / 1000",
  references = {
    reference("§4.4 Table 4 (−30/−28/−12 kgce/t); +0.23 per % scrap ratio; steel category +0.8/+1.2/+1.5; special-purpose converters excluded"),
    NDRC_STEEL,
  },
  evaluate = function(plant, ctx)
    local shops = ediag.units(plant, "converter")
    if #shops == 0 then
      ctx:not_applicable("the profile lists no converter process unit")
      return
    end
    for _, bof in ipairs(shops) do
      if bof.special_purpose then
        ctx:not_applicable { subject = bof.id, reason = "special-purpose converters are outside GB 21256-2025 Table 4" }
      elseif not steelworks.report_missing(ctx, bof, { "process_energy", "scrap_ratio" }, {
        en = "measure the converter process energy (kgce/t) and the scrap ratio (%), which corrects the limit",
        zh = "需测算转炉工序单位产品能耗及废钢比（废钢比修正限额）",
      }) then
        local category = bof.steel_grade or "plain"
        local scrap_allowance = CONVERTER_SCRAP_ALLOWANCE * bof.scrap_ratio
        local category_addition = CONVERTER_CATEGORY_ADDITION[category]
        steelworks.grade(ctx, bof, {
          table = "steel.converter-energy",
          value = bof.process_energy,
          output = bof.steel_output,
          field = "process_energy",
          correct = function(base) return base + scrap_allowance + category_addition end,
          evidence = {
            { name = "scrap-ratio allowance (0.23 × scrap ratio %)", value = scrap_allowance, unit = "kgce/t",
              source = steelworks.field(bof, "scrap_ratio") .. " = " .. bof.scrap_ratio .. " %; GB 21256-2025 §4.4" },
            { name = "steel-category addition (" .. category .. ")", value = category_addition, unit = "kgce/t",
              source = bof.steel_grade and steelworks.field(bof, "steel_grade") .. "; GB 21256-2025 §4.4"
                or "steel_grade absent: plain carbon steel, the standard's basis" },
          },
        })
      end
    end
  end,
}

--- The GB 21256-2025 Table 5 row of an EAF by nominal capacity.
local function eaf_size_class(nominal_capacity)
  if nominal_capacity < 50 then return "below_50t" end
  if nominal_capacity < 70 then return "50_to_70t" end
  return "from_70t"
end

rule {
  id = "steel.eaf-energy-limit",
  title = { zh = "电弧炉工序单位产品能耗限额", en = "Electric-arc-furnace process energy consumption limit" },
  sector = "steel",
  category = "compliance",
  summary = "Grades each EAF's measured process energy (kgce/t steel) against GB 21256-2025 Table 5 by nominal capacity "
    .. "(< 50 t: 61/–/86; 50–70 t: 61/–/72; ≥ 70 t: 61/64/72), basis all-scrap plain carbon steel: −0.8 kgce/t per % "
    .. "hot metal, all-stainless ×1.10 of the base, quality categories +8/+15.",
  formula = "threshold_k = published_k × (1.10 if all stainless else 1) − 0.8 × hot-metal ratio % + category addition "
    .. "(quality carbon 8, bearing/gear/wire/tool 15); grade 2 stays empty where the standard gives none",
  references = {
    reference("§4.5 Table 5 by nominal capacity; −0.8 per % hot-metal ratio, stainless ×1.10, quality grades +8/+15"),
  },
  evaluate = function(plant, ctx)
    local furnaces = ediag.units(plant, "eaf")
    if #furnaces == 0 then
      ctx:not_applicable("the profile lists no eaf process unit")
      return
    end
    for _, eaf in ipairs(furnaces) do
      if not steelworks.report_missing(ctx, eaf, { "process_energy", "nominal_capacity", "hot_metal_ratio" }, {
        en = "measure the EAF process energy (kgce/t); give the nominal capacity (t), which selects the limit row, "
          .. "and the hot-metal ratio (%, 0 for all scrap), which corrects it",
        zh = "需测算电弧炉工序单位产品能耗，并给出公称容量（选取限额档）和入炉铁水比（修正限额，全废钢为0）",
      }) then
        local category = eaf.steel_grade or "plain"
        local stainless_factor = category == "stainless" and EAF_STAINLESS_FACTOR or 1
        local hot_metal_deduction = EAF_HOT_METAL_DEDUCTION * eaf.hot_metal_ratio
        local category_addition = EAF_CATEGORY_ADDITION[category]
        local size = eaf_size_class(eaf.nominal_capacity)
        steelworks.grade(ctx, eaf, {
          table = "steel.eaf-energy",
          match = { size = size },
          value = eaf.process_energy,
          output = eaf.steel_output,
          field = "process_energy",
          correct = function(base) return base * stainless_factor - hot_metal_deduction + category_addition end,
          evidence = {
            { name = "limit row (nominal capacity " .. eaf.nominal_capacity .. " t)", value = size,
              source = steelworks.field(eaf, "nominal_capacity") .. "; GB 21256-2025 Table 5" },
            { name = "hot-metal deduction (0.8 × hot-metal ratio %)", value = hot_metal_deduction, unit = "kgce/t",
              source = steelworks.field(eaf, "hot_metal_ratio") .. " = " .. eaf.hot_metal_ratio .. " %; GB 21256-2025 §4.5" },
            { name = "steel category (" .. category .. "): base factor", value = stainless_factor, unit = "1",
              source = eaf.steel_grade and steelworks.field(eaf, "steel_grade") .. "; GB 21256-2025 §4.5"
                or "steel_grade absent: plain carbon steel, the standard's basis" },
            { name = "steel-category addition", value = category_addition, unit = "kgce/t", source = "GB 21256-2025 §4.5" },
          },
        })
      end
    end
  end,
}
