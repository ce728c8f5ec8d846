-- Copper, zinc, lead and other heavy-metal smelting against GB 25323-2023: the smelter's route, and for
-- whole copper and lead smelters also the stages the standard sets limits for.

local LIMIT_TABLE = "nonferrous.heavy-metal-smelting-energy"

local GB25323 = { standard = "GB 25323-2023", clause = "Tables 1–9", title = "重有色金属冶炼企业单位产品能源消耗限额",
                  confidence = "medium" }

-- Stages of a whole smelter that GB 25323-2023 also limits, with the profile field holding each value.
local STAGES_OF_WHOLE_SMELTER = {
  copper = {
    route = "concentrate_to_cathode",
    stages = {
      { field = "blister_stage_energy", route = "concentrate_to_blister", name = "concentrate → blister", name_zh = "铜精矿—粗铜" },
      { field = "anode_stage_energy", route = "concentrate_to_anode", name = "concentrate → anode", name_zh = "铜精矿—阳极铜" },
      { field = "electrorefining_stage_energy", route = "anode_to_cathode", name = "anode → cathode (electrolysis)", name_zh = "阳极铜—阴极铜（电解）" },
    },
  },
  lead = {
    route = "concentrate_to_ingot",
    stages = {
      { field = "crude_lead_stage_energy", route = "concentrate_to_crude", name = "concentrate → crude lead", name_zh = "铅精矿—粗铅" },
      { field = "electrorefining_stage_energy", route = "electrorefining", name = "electrorefining", name_zh = "铅电解精炼" },
    },
  },
}

--- The routes GB 25323 (any edition in the table) lists for a metal, in table order.
local function routes_for(metal)
  local routes, seen = {}, {}
  for _, edition in ipairs(ediag.data(LIMIT_TABLE).editions) do
    for _, row in ipairs(edition.rows) do
      if row.match.metal == metal and not seen[row.match.route] then
        seen[row.match.route] = true
        routes[#routes + 1] = row.match.route
      end
    end
  end
  return routes
end

local function route_is_listed(metal, route)
  for _, r in ipairs(routes_for(metal)) do
    if r == route then return true end
  end
  return false
end

--- Checks that the smelter names a route the standard has for its metal; reports what to fix otherwise.
local function route_or_missing(ctx, smelter)
  local field = "process_units[" .. smelter.id .. "].route"
  local listed = table.concat(routes_for(smelter.metal), ", ")
  if smelter.route == nil then
    ctx:insufficient_data {
      subject = smelter.id, needs = { field },
      message = { en = "give the GB 25323-2023 route of this " .. smelter.metal .. " smelter (one of: " .. listed .. ")",
                  zh = "需注明该冶炼单元在 GB 25323-2023 中的工艺路线（" .. listed .. "）" },
    }
    return false
  end
  if not route_is_listed(smelter.metal, smelter.route) then
    ctx:insufficient_data {
      subject = smelter.id, needs = { field },
      message = { en = "route '" .. smelter.route .. "' has no GB 25323-2023 limit for " .. smelter.metal .. "; use one of: " .. listed,
                  zh = "工艺路线 " .. smelter.route .. " 在 GB 25323-2023 中无 " .. smelter.metal .. " 的限额；可选：" .. listed },
    }
    return false
  end
  return true
end

local function smelters_or_not_applicable(plant, ctx)
  local smelters = ediag.units(plant, "smelter")
  if #smelters == 0 then
    ctx:not_applicable("the profile lists no smelter process unit")
  end
  return smelters
end

rule {
  id = "nonferrous.smelting-energy-limit",
  title = { zh = "重有色金属冶炼单位产品综合能耗限额", en = "Heavy nonferrous smelting energy consumption limit" },
  sector = "nonferrous",
  category = "compliance",
  summary = "Grades each smelter's comprehensive energy (kgce/t product) against the GB 25323-2023 row of its metal and "
    .. "route, e.g. copper concentrate → cathode 210 / 230 / 340, hydrometallurgical zinc with residue treatment "
    .. "1010 / 1040 / 1260, lead concentrate → ingot 300 / 330 / 420 kgce/t.",
  formula = "grade = best k with value ≤ threshold_k (row chosen by metal and route)",
  references = { GB25323 },
  evaluate = function(plant, ctx)
    for _, smelter in ipairs(smelters_or_not_applicable(plant, ctx)) do
      if route_or_missing(ctx, smelter) then
        if smelter.comprehensive_energy == nil then
          ctx:insufficient_data {
            subject = smelter.id,
            needs = { "process_units[" .. smelter.id .. "].comprehensive_energy" },
            message = { en = "measure the comprehensive energy consumption per t product (kgce/t) per GB 25323-2023",
                        zh = "需按 GB 25323-2023 测算单位产品综合能耗" },
          }
        else
          ctx:compliance {
            subject = smelter.id,
            value = smelter.comprehensive_energy,
            limits = ediag.limits(LIMIT_TABLE, { metal = smelter.metal, route = smelter.route }),
            output = smelter.output,
            source = "process_units[" .. smelter.id .. "].comprehensive_energy",
          }
        end
      end
    end
  end,
}

rule {
  id = "nonferrous.smelting-stage-energy-limit",
  title = { zh = "铜铅冶炼工序能耗限额", en = "Copper and lead smelting stage energy consumption limits" },
  sector = "nonferrous",
  category = "compliance",
  summary = "For whole copper smelters (concentrate → cathode) and whole lead smelters (concentrate → ingot), grades "
    .. "each stage GB 25323-2023 limits: copper concentrate → blister 100 / 125 / 175, → anode 125 / 140 / 235, "
    .. "electrolysis 70 / 85 / 110; lead concentrate → crude lead 220 / 230 / 300, electrorefining 80 / 100 / 120 kgce/t. "
    .. "The subject is '<unit>/<stage route>'.",
  formula = "grade = best k with stage value ≤ threshold_k of the stage row",
  references = { GB25323 },
  evaluate = function(plant, ctx)
    for _, smelter in ipairs(smelters_or_not_applicable(plant, ctx)) do
      local whole = STAGES_OF_WHOLE_SMELTER[smelter.metal]
      if whole == nil or smelter.route ~= whole.route then
        ctx:not_applicable { subject = smelter.id,
                             reason = "stage limits apply to whole copper (concentrate_to_cathode) and lead (concentrate_to_ingot) smelters" }
      else
        local missing = {}
        for _, stage in ipairs(whole.stages) do
          local value = smelter[stage.field]
          if value == nil then
            missing[#missing + 1] = "process_units[" .. smelter.id .. "]." .. stage.field
          else
            ctx:compliance {
              subject = smelter.id .. "/" .. stage.route,
              indicator = { en = "Stage energy consumption, " .. smelter.metal .. " " .. stage.name,
                            zh = "工序能耗：" .. stage.name_zh },
              value = value,
              limits = ediag.limits(LIMIT_TABLE, { metal = smelter.metal, route = stage.route }),
              source = "process_units[" .. smelter.id .. "]." .. stage.field,
            }
          end
        end
        if #missing > 0 then
          ctx:insufficient_data {
            subject = smelter.id, needs = missing,
            message = { en = "measure the stage energy consumption (kgce/t) of each stage GB 25323-2023 limits",
                        zh = "需按 GB 25323-2023 测算各工序能耗" },
          }
        end
      end
    end
  end,
}
