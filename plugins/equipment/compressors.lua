-- Air compressors: specific power against GB 19153-2019, and the two measures on the compressed-air
-- system every audit looks at first: repairing leaks and lowering the discharge pressure.

local operating = require("operating")

local GB19153 = "equipment.gb19153-2019"
local MPA_TO_PSI = 145.0377 -- 1 MPa = 10^6 Pa; 1 psi = 6894.757 Pa

local ITAC = {
  standard = "UCONN-ITAC / itac-docs compressed-air training (shared/reference/energy-figures.md §6)",
  clause = "every 2 psi (≈ 0.14 bar) of pressure ≈ 1 % of compressor energy; distribution ΔP target < 5 psi; leaks 30 % of "
    .. "air in poorly maintained systems vs 10 % well maintained; 20–50 % savings common",
  confidence = "medium",
}

local function compressors_or_none(plant, ctx)
  local list = ediag.equipment(plant, "air_compressor")
  if #list == 0 then ctx:not_applicable("the profile lists no air compressors") end
  return list
end

--- Electricity a compressor uses in a year (kWh), with how the figures were found.
local function compressor_energy(plant, c, params)
  local load, load_source, load_given = operating.load(c, params.default_load)
  local hours, hours_source, hours_given = operating.hours(plant, c, params.default_hours)
  local kwh = c.rated_power * load * hours * operating.count(c)
  return kwh, {
    { name = "rated power", value = c.rated_power, unit = "kW", source = operating.path(c, "rated_power") },
    { name = "load factor", value = load, unit = "1", source = load_source },
    { name = "operating hours", value = hours, unit = "h/a", source = hours_source },
    { name = "compressor electricity", value = kwh, unit = "kWh/a", source = "rated power × load × hours × count" },
  }, operating.confidence(hours_given, load_given)
end

local function lower_confidence(confidence)
  if confidence == "high" then return "medium" end
  return "low"
end

rule {
  id = "equipment.compressor-specific-power",
  title = { zh = "空压机比功率（GB 19153-2019）", en = "Air compressor specific power against GB 19153-2019" },
  sector = "cross-sector",
  category = "compliance",
  summary = "Grades the measured specific power of fixed-speed oil-injected screw compressors against GB 19153-2019 "
    .. "Table 1 by rated motor power, rated discharge pressure and cooling. Only the rows in the reference are used "
    .. "(55 and 75 kW at 0.7, 0.8 and 1.0 MPa); other sizes, pressures, kinds and variable-speed machines are not "
    .. "applicable. Where the reference has no grade-3 value and the machine is worse than grade 2, no grade is given."
    .. " A unit that fails the limit is a warning when it was made before the edition took force (or its year is "
    .. "unknown), since product standards bind equipment when it is sold, and critical when it was bought since; "
    .. "plant energy-consumption limits rank first.",
  formula = "grade = best k with specific power ≤ limit_k (kW/(m3/min))",
  references = {
    { standard = "GB 19153-2019", clause = "Table 1 pp5–7 (EQE compressor.json; shared/reference/energy-figures.md §5.3)",
      title = "容积式空气压缩机能效限定值及能效等级", confidence = "high" },
  },
  evaluate = function(plant, ctx)
    for _, c in ipairs(compressors_or_none(plant, ctx)) do
      if c.compressor_kind ~= nil and c.compressor_kind ~= "screw_oil_injected" then
        ctx:not_applicable { subject = c.id, reason = "the reference transcribes oil-injected screw compressors only" }
      elseif c.speed_control == "vfd" then
        ctx:not_applicable { subject = c.id, reason = "the reference transcribes the fixed-speed table only" }
      elseif c.compressor_kind == nil or c.cooling == nil or c.discharge_pressure == nil or c.specific_power == nil then
        local needs = {}
        for _, field in ipairs({ "compressor_kind", "cooling", "discharge_pressure", "specific_power" }) do
          if c[field] == nil then needs[#needs + 1] = operating.path(c, field) end
        end
        ctx:insufficient_data { subject = c.id, needs = needs }
      else
        -- Rounded so that a pressure given in bar (8 bar × 0.1) finds the 0.8 MPa row.
        local match = { kw = ediag.round(c.rated_power, 2), mpa = ediag.round(c.discharge_pressure, 3), cooling = c.cooling }
        local limits = ediag.limits(GB19153, match)
        local row = limits.current or limits.upcoming
        if row == nil then
          ctx:not_applicable { subject = c.id, reason = "no GB 19153-2019 row in the reference for " .. c.rated_power .. " kW at "
            .. c.discharge_pressure .. " MPa, " .. c.cooling .. "-cooled (it has 55 and 75 kW at 0.7, 0.8 and 1.0 MPa)" }
        elseif not row.grade3 and ediag.grade(c.specific_power, row.grade1, row.grade2, false, "lower") == "not_met" then
          ctx:not_applicable { subject = c.id, reason = "specific power " .. c.specific_power .. " is worse than grade 2 ("
            .. tostring(row.grade2) .. ") and the reference gives no grade-3 value for this row" }
        else
          ctx:compliance {
            subject = c.id,
            value = c.specific_power,
            limits = limits,
            severity = operating.product_severity(c, limits),
            source = operating.path(c, "specific_power"),
            evidence = {
              { name = "table row", value = c.rated_power .. " kW, " .. c.discharge_pressure .. " MPa, " .. c.cooling .. "-cooled",
                source = GB19153 },
            },
          }
        end
      end
    end
  end,
}

rule {
  id = "equipment.compressed-air-leaks",
  title = { zh = "压缩空气泄漏治理", en = "Compressed-air leak repair" },
  sector = "cross-sector",
  category = "saving_measure",
  measure = "compressed-air-leak-repair",
  summary = "A compressed-air system whose measured leak rate exceeds the 10 % of a well-maintained system wastes the "
    .. "air above it; repairing leaks to 10 % cuts the air the compressor must deliver for the same useful air. "
    .. "Savings are proportional to delivered air, which holds for load/unload and variable-speed control (a "
    .. "modulating fixed-speed machine saves less).",
  formula = "air delivered after = air before × (1 − L)/(1 − T); saving (kWh/a) = compressor kWh × (L − T)/(1 − T), "
    .. "L = measured leak share, T = target share; compressor kWh = P_rated × load × hours × count; "
    .. "investment = unit cost × P_rated × count",
  references = { ITAC },
  parameters = {
    target_leak_rate = { default = 10, unit = "%", min = 3, max = 20,
                         doc = "Leak share of a well-maintained system, reached by the repair",
                         source = "ITAC training (shared/reference §6): leaks 10 % of air in well-maintained systems" },
    unit_cost = { default = 100, unit = "yuan/kW", min = 20, max = 500,
                  doc = "Leak survey and repair cost per kW of compressor — orientation figure, not from a cited source (low confidence)" },
    lifetime = { default = 2, unit = "a", min = 1, max = 5,
                 doc = "Years a repair campaign holds before leaks return — orientation figure, not from a cited source (low confidence)" },
    default_load = { default = 0.75, unit = "1", min = 0.2, max = 1,
                     doc = "Load factor when the profile gives none — orientation figure, not from a cited source (low confidence)" },
    default_hours = { default = 6000, unit = "h/a", min = 500, max = 8760,
                      doc = "Operating hours when the profile gives none — orientation figure, not from a cited source (low confidence)" },
  },
  evaluate = function(plant, ctx, params)
    for _, c in ipairs(compressors_or_none(plant, ctx)) do
      if c.rated_power <= 0 then
        ctx:not_applicable { subject = c.id, reason = "rated power is 0 kW (reported by equipment.data-quality)" }
      elseif ediag.implemented(plant, "compressed-air-leak-repair", c.id) then
        ctx:not_applicable { subject = c.id, reason = "leaks have already been repaired" }
      elseif c.leak_rate == nil then
        ctx:insufficient_data { subject = c.id, needs = { operating.path(c, "leak_rate") },
          message = { en = "measure the leak rate (e.g. a no-demand test over a weekend)", zh = "需测量压缩空气泄漏率（如停产时段空载测试）" } }
      elseif c.leak_rate > params.target_leak_rate then
        local leak, target = c.leak_rate / 100, params.target_leak_rate / 100
        local share = (leak - target) / (1 - target)
        local energy, evidence, confidence = compressor_energy(plant, c, params)
        local kwh = energy * share
        evidence[#evidence + 1] = { name = "leak rate", value = c.leak_rate, unit = "%", source = operating.path(c, "leak_rate") }
        ctx:recommend {
          subject = c.id,
          savings = { electricity = kwh },
          -- Leak repair and pressure reduction both save from the compressor's energy.
          interaction = { group = "compressed-air:" .. c.id, base = { electricity = energy } },
          investment = params.unit_cost * c.rated_power * operating.count(c),
          lifetime = params.lifetime,
          confidence = lower_confidence(confidence),
          message = {
            en = "{id} loses {leak}% of its air to leaks; repairing them to {target}% saves {share:1}% of its electricity, {kwh:0} kWh a year",
            zh = "{id} 泄漏率 {leak}%；治理至 {target}% 可节约其用电 {share:1}%，年节电 {kwh:0} kWh",
          },
          values = { id = c.id, leak = c.leak_rate, target = params.target_leak_rate, share = share * 100, kwh = kwh },
          evidence = evidence,
        }
      end
    end
  end,
}

rule {
  id = "equipment.compressed-air-pressure",
  title = { zh = "降低空压机排气压力", en = "Lower compressor discharge pressure" },
  sector = "cross-sector",
  category = "saving_measure",
  measure = "compressed-air-pressure-reduction",
  summary = "A compressor set to discharge well above what the end users need (plus a distribution allowance of 5 psi) "
    .. "wastes about 1 % of its energy per 2 psi of excess; the set point is lowered to the need plus the allowance. "
    .. "The saving share is capped at 20 %, the low end of the savings commonly reached on whole systems, because the "
    .. "1 %-per-2-psi rule is a small-step rule.",
  formula = "excess (psi) = (discharge − (required + allowance)) × 145.0377 psi/MPa; share = min(excess / 2 × 1 %, cap); "
    .. "saving (kWh/a) = P_rated × load × hours × count × share; investment = unit cost × P_rated × count",
  references = { ITAC },
  parameters = {
    percent_per_2psi = { default = 1, unit = "%", min = 0.5, max = 1.5,
                         doc = "Compressor energy per 2 psi of discharge pressure",
                         source = "ITAC training (shared/reference §6): every 2 psi (≈ 0.14 bar) ≈ 1 % of compressor energy" },
    allowance = { default = 0.0345, unit = "MPa", min = 0, max = 0.1,
                  doc = "Pressure drop allowed between compressor and end users (5 psi = 0.0345 MPa)",
                  source = "ITAC training (shared/reference §6): distribution ΔP target < 5 psi" },
    max_share = { default = 0.2, unit = "1", min = 0.05, max = 0.5,
                  doc = "Largest share of compressor energy credited to a lower set point",
                  source = "ITAC / SiliconFF (shared/reference §6): 20–50 % savings common on compressed-air systems (low end)" },
    unit_cost = { default = 20, unit = "yuan/kW", min = 0, max = 300,
                  doc = "Cost of resetting controls and checking end users per kW of compressor — orientation figure, not from a cited source (low confidence)" },
    lifetime = { default = 10, unit = "a", min = 2, max = 20,
                 doc = "Years the lower set point lasts — orientation figure, not from a cited source (low confidence)" },
    default_load = { default = 0.75, unit = "1", min = 0.2, max = 1,
                     doc = "Load factor when the profile gives none — orientation figure, not from a cited source (low confidence)" },
    default_hours = { default = 6000, unit = "h/a", min = 500, max = 8760,
                      doc = "Operating hours when the profile gives none — orientation figure, not from a cited source (low confidence)" },
  },
  evaluate = function(plant, ctx, params)
    for _, c in ipairs(compressors_or_none(plant, ctx)) do
      if c.rated_power <= 0 then
        ctx:not_applicable { subject = c.id, reason = "rated power is 0 kW (reported by equipment.data-quality)" }
      elseif ediag.implemented(plant, "compressed-air-pressure-reduction", c.id) then
        ctx:not_applicable { subject = c.id, reason = "the discharge pressure has already been lowered" }
      elseif c.discharge_pressure == nil or c.system_pressure_required == nil then
        local needs = {}
        if c.discharge_pressure == nil then needs[#needs + 1] = operating.path(c, "discharge_pressure") end
        if c.system_pressure_required == nil then needs[#needs + 1] = operating.path(c, "system_pressure_required") end
        ctx:insufficient_data { subject = c.id, needs = needs }
      else
        local needed = c.system_pressure_required + params.allowance
        local excess_psi = (c.discharge_pressure - needed) * MPA_TO_PSI
        if excess_psi > 0 then
          local share = math.min(excess_psi / 2 * params.percent_per_2psi / 100, params.max_share)
          local energy, evidence, confidence = compressor_energy(plant, c, params)
          local kwh = energy * share
          evidence[#evidence + 1] = { name = "discharge pressure", value = c.discharge_pressure, unit = "MPa",
                                      source = operating.path(c, "discharge_pressure") }
          evidence[#evidence + 1] = { name = "pressure the users need", value = c.system_pressure_required, unit = "MPa",
                                      source = operating.path(c, "system_pressure_required") }
          ctx:recommend {
            subject = c.id,
            savings = { electricity = kwh },
            interaction = { group = "compressed-air:" .. c.id, base = { electricity = energy } },
            investment = params.unit_cost * c.rated_power * operating.count(c),
            lifetime = params.lifetime,
            confidence = lower_confidence(confidence),
            message = {
              en = "{id} discharges at {p} MPa while users need {need} MPa (+ {allow} MPa distribution): {psi:1} psi too high; "
                .. "lowering the set point saves {share:1}% of its electricity, {kwh:0} kWh a year",
              zh = "{id} 排气压力 {p} MPa，用气端仅需 {need} MPa（另加管网压降 {allow} MPa），高出 {psi:1} psi；"
                .. "降低设定压力可节电 {share:1}%，年节电 {kwh:0} kWh",
            },
            values = { id = c.id, p = c.discharge_pressure, need = c.system_pressure_required, allow = params.allowance,
                       psi = excess_psi, share = share * 100, kwh = kwh },
            evidence = evidence,
          }
        end
      end
    end
  end,
}
