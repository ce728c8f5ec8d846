-- Distribution transformers against GB 20052-2024 (no-load and load loss), and replacement of a
-- transformer whose losses exceed the limit by a grade-2 unit of the same rating.

local operating = require("operating")
local elimination = require("elimination")

local NO_LOAD = "equipment.gb20052-no-load-loss"
local LOAD = "equipment.gb20052-load-loss"

local GB20052 = { standard = "GB 20052-2024", clause = "Table 1, 10 kV oil-immersed (EQE transformer.json p7; shared/reference/energy-figures.md §5.2)",
                  title = "电力变压器能效限定值及能效等级", confidence = "high" }

-- Connection groups the reference tabulates load losses for.
local TABULATED_CONNECTIONS = { "Yyn0", "Dyn11" }

--- High-voltage rating in kV: the profile's, else the suffix of a model such as `S9-2000/10`.
local function voltage_kv(transformer)
  if transformer.voltage ~= nil then return transformer.voltage end
  if transformer.model ~= nil then
    return tonumber(string.match(transformer.model, "/(%d+%.?%d*)$"))
  end
  return nil
end

--- Core material: the profile's, else electrical steel for S-series models (S7, S9, S11 …).
local function core_material(transformer)
  if transformer.core ~= nil then return transformer.core end
  if transformer.model ~= nil and string.match(transformer.model, "^S%d") then return "electrical_steel" end
  return nil
end

--- Why GB 20052-2024 Table 1 (as transcribed) does not cover a transformer, or the fields it needs.
--- Returns nil, nil when it is covered.
local function table_1_gap(transformer)
  local needs = {}
  if transformer.rated_capacity <= 0 then
    return "rated capacity is 0 kVA (reported by equipment.data-quality)"
  end
  if transformer.insulation == "dry" then
    return "dry-type transformers (GB 20052-2024 Table 2) are not in the reference"
  end
  local kv = voltage_kv(transformer)
  if kv ~= nil and (kv < 10 or kv > 11) then
    return "the reference transcribes the 10 kV class only (10–11 kV); this one is " .. kv .. " kV"
  end
  if transformer.insulation == nil then needs[#needs + 1] = operating.path(transformer, "insulation") end
  if kv == nil then needs[#needs + 1] = operating.path(transformer, "voltage") end
  if core_material(transformer) == nil then needs[#needs + 1] = operating.path(transformer, "core") end
  if #needs > 0 then return nil, needs end
  return nil, nil
end

local function describe(match)
  local text = match.kva .. " kVA, " .. string.gsub(match.core, "_", " ")
  if match.connection then text = text .. ", " .. match.connection end
  return text
end

--- Grades one measured loss against a GB 20052-2024 table.
local function grade_loss(ctx, transformer, spec)
  local limits = ediag.limits(spec.table, spec.match)
  if limits.current == nil and limits.upcoming == nil then
    ctx:not_applicable { subject = transformer.id,
                         reason = "GB 20052-2024 has no row for " .. describe(spec.match) .. " in the reference" }
    return
  end
  ctx:compliance {
    subject = transformer.id,
    indicator = spec.indicator,
    value = spec.value,
    limits = limits,
    severity = operating.product_severity(transformer, limits),
    source = operating.path(transformer, spec.field),
    evidence = {
      { name = "rated capacity", value = transformer.rated_capacity, unit = "kVA", source = operating.path(transformer, "rated_capacity") },
      { name = "table row", value = describe(spec.match), source = spec.table },
    },
  }
end

local function transformers_or_none(plant, ctx)
  local list = ediag.equipment(plant, "transformer")
  if #list == 0 then ctx:not_applicable("the profile lists no transformers") end
  return list
end

rule {
  id = "equipment.transformer-no-load-loss",
  title = { zh = "配电变压器空载损耗（GB 20052-2024）", en = "Transformer no-load loss against GB 20052-2024" },
  sector = "cross-sector",
  category = "compliance",
  summary = "Grades the measured or nameplate no-load loss of each 10 kV oil-immersed distribution transformer against "
    .. "GB 20052-2024 Table 1 for its rated capacity and core (electrical steel or amorphous); S-series models count as "
    .. "electrical steel and the voltage may be read from a model such as S9-2000/10. Ratings and cores not in the "
    .. "reference's rows, and dry-type units, are not applicable."
    .. " A unit that fails the limit is a warning when it was made before the edition took force (or its year is "
    .. "unknown), since product standards bind equipment when it is sold, and critical when it was bought since; "
    .. "plant energy-consumption limits rank first.",
  formula = "grade = best k with P0 ≤ P0_limit,k (kW)",
  references = { GB20052 },
  evaluate = function(plant, ctx)
    for _, t in ipairs(transformers_or_none(plant, ctx)) do
      local gap, needs = table_1_gap(t)
      if gap then
        ctx:not_applicable { subject = t.id, reason = gap }
      elseif needs or t.no_load_loss == nil then
        needs = needs or {}
        if t.no_load_loss == nil then needs[#needs + 1] = operating.path(t, "no_load_loss") end
        ctx:insufficient_data { subject = t.id, needs = needs }
      else
        grade_loss(ctx, t, {
          table = NO_LOAD, field = "no_load_loss", value = t.no_load_loss,
          indicator = { zh = "变压器空载损耗", en = "Transformer no-load loss" },
          match = { kva = ediag.round(t.rated_capacity, 1), core = core_material(t) },
        })
      end
    end
  end,
}

rule {
  id = "equipment.transformer-load-loss",
  title = { zh = "配电变压器负载损耗（GB 20052-2024）", en = "Transformer load loss against GB 20052-2024" },
  sector = "cross-sector"
    .. " A unit that fails the limit is a warning when it was made before the edition took force (or its year is "
    .. "unknown), since product standards bind equipment when it is sold, and critical when it was bought since; "
    .. "plant energy-consumption limits rank first.",
  category = "compliance",
  summary = "Grades the measured or nameplate load loss (at rated current) of each 10 kV oil-immersed distribution "
    .. "transformer against GB 20052-2024 Table 1 for its rated capacity, core and connection group (the reference "
    .. "tabulates Dyn11 for 400–500 kVA and Yyn0 from 630 kVA up, plus 400 kVA Yyn0); the connection group is needed "
    .. "because Yyn0 limits are about 5 % below Dyn11.",
  formula = "grade = best k with Pk ≤ Pk_limit,k (kW)",
  references = { GB20052 },
  evaluate = function(plant, ctx)
    for _, t in ipairs(transformers_or_none(plant, ctx)) do
      local gap, needs = table_1_gap(t)
      if gap then
        ctx:not_applicable { subject = t.id, reason = gap }
      elseif needs or t.load_loss == nil or t.connection == nil then
        needs = needs or {}
        if t.load_loss == nil then needs[#needs + 1] = operating.path(t, "load_loss") end
        if t.connection == nil then needs[#needs + 1] = operating.path(t, "connection") end
        ctx:insufficient_data { subject = t.id, needs = needs }
      else
        grade_loss(ctx, t, {
          table = LOAD, field = "load_loss", value = t.load_loss,
          indicator = { zh = "变压器负载损耗", en = "Transformer load loss" },
          match = { kva = ediag.round(t.rated_capacity, 1), core = core_material(t), connection = t.connection },
        })
      end
    end
  end,
}

--- The GB 20052-2024 row of a loss table: the edition in force, else the one published but not yet
--- in force (a replacement is bought to the newest edition).
local function newest_row(table_id, match)
  local limits = ediag.limits(table_id, match)
  return limits.current or limits.upcoming
end

--- The load-loss row a replacement is bought to: the unit's connection group, or when the profile
--- gives none, the only group the reference tabulates for that rating and core.
local function replacement_load_row(t, core)
  if t.connection ~= nil then
    return newest_row(LOAD, { kva = ediag.round(t.rated_capacity, 1), core = core, connection = t.connection })
  end
  local found = nil
  for _, connection in ipairs(TABULATED_CONNECTIONS) do
    local row = newest_row(LOAD, { kva = ediag.round(t.rated_capacity, 1), core = core, connection = connection })
    if row ~= nil then
      if found ~= nil then return nil, "ambiguous" end
      found = row
    end
  end
  return found
end

rule {
  id = "equipment.transformer-replacement",
  title = { zh = "高损耗变压器更换", en = "Replacement of high-loss transformers" },
  sector = "cross-sector",
  category = "saving_measure",
  measure = "transformer-replacement",
  summary = "A 10 kV oil-immersed transformer whose no-load or load loss exceeds the GB 20052-2024 grade 3 limit is "
    .. "replaced by a grade-2 unit of the same rating and core; the saving is the no-load loss difference over the "
    .. "energised hours plus the load-loss difference scaled by the square of the load factor. Without a connection "
    .. "group the replacement's load loss is read in the one group the reference tabulates for that rating. A load "
    .. "factor above 1 is held to 1 and hours to the year's hours. A replacement whose simple payback at the plant's "
    .. "electricity price exceeds the transformer's life is not proposed (replace with a grade-2 unit at the end of its "
    .. "life) — unless the unit is on an elimination catalogue (equipment.outdated-catalogue), which requires it to go now, "
    .. "so the replacement is valued whatever its payback.",
  formula = "ΔkWh/a = (ΔP0 + ΔPk × β²) × hours × count, ΔP0 = P0_measured − P0_grade2, ΔPk = Pk_measured − Pk_grade2 (kW), "
    .. "β = load factor; investment = unit cost × kVA × count; not proposed when investment ÷ (ΔkWh × price) > lifetime",
  references = {
    GB20052,
    { standard = "Transformer loss model", clause = "energy loss = (P0 + Pk × β²) × hours; β = load / rated capacity", confidence = "high" },
  },
  parameters = {
    unit_cost = { default = 150, unit = "yuan/kVA", min = 50, max = 600,
                  doc = "Installed cost of a new grade-2 oil transformer per kVA — orientation figure, not from a cited source (low confidence)" },
    lifetime = { default = 25, unit = "a", min = 15, max = 35,
                 doc = "Transformer life — orientation figure, not from a cited source (low confidence)" },
    default_load = { default = 0.5, unit = "1", min = 0.1, max = 1,
                     doc = "Load factor β when the profile gives none — orientation figure, not from a cited source (low confidence)" },
    default_hours = { default = 8760, unit = "h/a", min = 1000, max = 8760,
                      doc = "Energised hours when the profile gives none: a distribution transformer is normally energised all year",
                      source = "calendar year: 365 d × 24 h = 8,760 h (no-load losses accrue whenever the transformer is energised)" },
  },
  evaluate = function(plant, ctx, params)
    for _, t in ipairs(transformers_or_none(plant, ctx)) do
      local gap, needs = table_1_gap(t)
      local core = core_material(t)
      if gap then
        ctx:not_applicable { subject = t.id, reason = gap }
      elseif ediag.implemented(plant, "transformer-replacement", t.id) then
        ctx:not_applicable { subject = t.id, reason = "the transformer has already been replaced" }
      elseif needs or t.no_load_loss == nil or t.load_loss == nil then
        needs = needs or {}
        if t.no_load_loss == nil then needs[#needs + 1] = operating.path(t, "no_load_loss") end
        if t.load_loss == nil then needs[#needs + 1] = operating.path(t, "load_loss") end
        ctx:insufficient_data { subject = t.id, needs = needs }
      else
        local no_load_row = newest_row(NO_LOAD, { kva = ediag.round(t.rated_capacity, 1), core = core })
        local load_row, ambiguity = replacement_load_row(t, core)
        if ambiguity then
          ctx:insufficient_data { subject = t.id, needs = { operating.path(t, "connection") } }
        elseif no_load_row == nil or load_row == nil then
          ctx:not_applicable { subject = t.id, reason = "GB 20052-2024 has no row for " .. t.rated_capacity .. " kVA "
            .. string.gsub(core, "_", " ") .. (t.connection and (" " .. t.connection) or "") .. " in the reference" }
        elseif t.no_load_loss > no_load_row.grade3 or (t.connection ~= nil and t.load_loss > load_row.grade3) then
          local beta, load_source, load_given = operating.load(t, params.default_load)
          local hours, hours_source, hours_given = operating.hours(plant, t, params.default_hours)
          local count = operating.count(t)
          local delta_p0 = t.no_load_loss - no_load_row.grade2
          local delta_pk = t.load_loss - load_row.grade2
          local kwh = (delta_p0 + delta_pk * beta ^ 2) * hours * count
          local investment = params.unit_cost * t.rated_capacity * count
          local payback = operating.electricity_payback(plant, investment, kwh)
          if kwh <= 0 then
            ctx:not_applicable { subject = t.id, reason = "a grade-2 transformer would not lose less at this load" }
          elseif payback ~= nil and payback > params.lifetime and not elimination.listed(plant, t) then
            ctx:not_applicable { subject = t.id, reason = string.format("an early replacement saves %.0f kWh a year and pays back "
              .. "in %.0f years, longer than the %.0f-year life: replace it with a grade-2 unit when it reaches the end of its life",
              kwh, payback, params.lifetime) }
          else
            ctx:recommend {
              subject = t.id,
              savings = { electricity = kwh },
              investment = investment,
              lifetime = params.lifetime,
              confidence = operating.confidence(hours_given, load_given) == "high" and "high" or "medium",
              message = {
                en = "{id} ({kva} kVA) loses {p0} kW at no load and {pk} kW at full load; a GB 20052-2024 grade 2 unit "
                  .. "({p0new} / {pknew} kW) saves ({dp0:3} + {dpk:3} × {beta}²) kW × {hours:0} h = {kwh:0} kWh a year",
                zh = "{id}（{kva} kVA）空载损耗 {p0} kW、负载损耗 {pk} kW；更换为 GB 20052-2024 2级变压器（{p0new} / {pknew} kW）"
                  .. "年节电 ({dp0:3} + {dpk:3} × {beta}²) kW × {hours:0} h = {kwh:0} kWh",
              },
              values = { id = t.id, kva = t.rated_capacity, p0 = t.no_load_loss, pk = t.load_loss, p0new = no_load_row.grade2,
                         pknew = load_row.grade2, dp0 = delta_p0, dpk = delta_pk, beta = beta, hours = hours, kwh = kwh },
              evidence = {
                { name = "no-load loss", value = t.no_load_loss, unit = "kW", source = operating.path(t, "no_load_loss") },
                { name = "load loss", value = t.load_loss, unit = "kW", source = operating.path(t, "load_loss") },
                { name = "no-load loss, grade 3 / grade 2", value = no_load_row.grade3 .. " / " .. no_load_row.grade2, unit = "kW",
                  source = no_load_row.standard .. ", " .. t.rated_capacity .. " kVA " .. core },
                { name = "load loss, grade 3 / grade 2", value = load_row.grade3 .. " / " .. load_row.grade2, unit = "kW",
                  source = load_row.standard .. (t.connection and "" or ", connection group tabulated for this rating") },
                { name = "load factor β", value = beta, unit = "1", source = load_source },
                { name = "energised hours", value = hours, unit = "h/a", source = hours_source },
              },
            }
          end
        end
      end
    end
  end,
}
