-- Equipment on the elimination catalogues: the MIIT 高耗能落后机电设备（产品）淘汰目录 (batches 1–4) and the
-- eliminated-equipment entries of the 产业结构调整指导目录（2024年本）.

local operating = require("operating")
local elimination = require("elimination")

local CATALOGUE_TYPES = { motor = true, transformer = true, air_compressor = true, fan = true, pump = true, boiler = true }

local function entry_text(entry, lang)
  local numbered = entry.item ~= ""
  if lang == "zh" then
    return entry.catalogue.zh .. (numbered and (" 第" .. entry.item .. "项") or "") .. "（" .. entry.product.zh .. "）；期限："
      .. entry.deadline.zh .. "；依据：" .. entry.basis.zh
  end
  return entry.catalogue.en .. (numbered and (", item " .. entry.item) or "") .. " (" .. entry.product.en .. "); deadline: "
    .. entry.deadline.en .. "; basis: " .. entry.basis.en
end

rule {
  id = "equipment.outdated-catalogue",
  title = { zh = "列入淘汰目录的落后设备", en = "Equipment on an elimination catalogue" },
  sector = "cross-sector",
  category = "outdated_equipment",
  summary = "Matches each motor, transformer, air compressor, fan, pump and boiler against the MIIT catalogues of "
    .. "outdated energy-intensive equipment (batches 1–4: J02/J03, JB3, BJ02, JZ crane, J2, JR/JR2/JR3/JR02 motors; "
    .. "Y-series Y80–Y355; Y5-47/W5-47/M7-29/W7-29/9-35/Y9-35 boiler fans; S8, S9 made and commissioned in 1997 or "
    .. "earlier, SG(B)8 transformers; JK/JS motors) and the 2024 industrial-structure catalogue (YB 63–355 ≤ 660 V, "
    .. "YBF 63–160, YBK 100–355 motors; 3W-0.9/7, L-10/8, L-10/7 compressors; 8-18, 9-27 fans; DG270-140, DG500-140, "
    .. "DG375-185 feed pumps; fixed-grate coal boilers, coal boilers ≤ 10 t/h, biomass boilers ≤ 2 t/h). Models are "
    .. "matched by series and frame; S7 transformers are reported as not confirmed. An item without a model, or "
    .. "without a field an entry's condition needs, is reported as insufficient data. B/BA, F, JD and GC pumps are "
    .. "not matched (their series names are too short to tell from other makers' models).",
  formula = "on the catalogue ⇔ model matches a listed series (frame within the listed range) and every listed condition "
    .. "(year, capacity, fuel, firing, voltage) holds; entries issued after the assessment date are ignored",
  references = {
    { standard = "高耗能落后机电设备（产品）淘汰目录（第一批～第四批）", clause = "MIIT, 2009, 2012, 2014, 2016 (EQE transcription of the DOCX files; shared/reference/energy-figures.md §5.6)",
      confidence = "high" },
    { standard = "产业结构调整指导目录（2024年本）", clause = "淘汰类, equipment subset, PDF pp134–137 (EQE; shared/reference/energy-figures.md §5.6)",
      confidence = "high" },
  },
  evaluate = function(plant, ctx)
    local items = {}
    for _, item in ipairs(plant.equipment or {}) do
      if CATALOGUE_TYPES[item.type] then items[#items + 1] = item end
    end
    if #items == 0 then
      ctx:not_applicable("the profile lists no motors, transformers, compressors, fans, pumps or boilers")
      return
    end
    for _, item in ipairs(items) do
      local matched, needs = elimination.matches(plant, item)
      if #matched > 0 then
        local en, zh, references, confirmed = {}, {}, {}, true
        for _, entry in ipairs(matched) do
          en[#en + 1] = entry_text(entry, "en")
          zh[#zh + 1] = entry_text(entry, "zh")
          references[#references + 1] = { standard = entry.catalogue.zh,
                                          clause = (entry.item ~= "" and ("item " .. entry.item .. "; ") or "") .. entry.source,
                                          confidence = entry.confidence }
          if not entry.confirmed then confirmed = false end
        end
        ctx:finding {
          subject = item.id,
          severity = confirmed and "critical" or "warning",
          message = {
            en = "{id} ({model}) {verb} {entries}",
            zh = "{id}（{model}）{verb_zh}{entries_zh}",
          },
          values = {
            id = item.id, model = item.model or item.type,
            verb = confirmed and "is on the elimination catalogue:" or "may be outdated (not confirmed):",
            verb_zh = confirmed and "列入淘汰目录：" or "可能属于淘汰设备（未确认）：",
            entries = table.concat(en, " | "), entries_zh = table.concat(zh, "；"),
          },
          evidence = {
            { name = "model", value = item.model or "(none)", source = operating.path(item, "model") },
            { name = "catalogue entries", value = #matched, source = elimination.CATALOGUE },
          },
          references = references,
        }
      elseif #needs > 0 then
        ctx:insufficient_data { subject = item.id, needs = needs,
          message = { en = "give the nameplate data the elimination catalogues are matched on: " .. table.concat(needs, ", "),
                      zh = "需提供与淘汰目录比对所需的铭牌信息" } }
      end
    end
  end,
}
