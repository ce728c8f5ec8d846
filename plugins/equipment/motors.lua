-- Motors against GB 18613-2020: a motor below the grade-3 limit for its rated output and poles is
-- replaced by a grade-2 motor.

local operating = require("operating")
local elimination = require("elimination")

local GB18613 = "equipment.gb18613-2020"

--- The tabulated rated outputs of the GB 18613-2020 table, ascending (read once: data tables never change).
local tabulated = nil
local function tabulated_outputs()
  if tabulated ~= nil then return tabulated end
  local seen, outputs = {}, {}
  for _, edition in ipairs(ediag.data(GB18613).editions) do
    for _, row in ipairs(edition.rows) do
      local kw = row.match.kw
      if not seen[kw] then
        seen[kw] = true
        outputs[#outputs + 1] = kw
      end
    end
  end
  table.sort(outputs)
  tabulated = outputs
  return outputs
end

--- The table row a motor is read in: the next lower tabulated output (never a stricter row).
local function table_output_for(kw)
  local chosen = nil
  for _, output in ipairs(tabulated_outputs()) do
    if kw >= output then chosen = output end
  end
  return chosen
end

--- Number of poles: the profile's, else the suffix of a nameplate model such as `Y280S-4`.
local function motor_poles(motor)
  if motor.poles ~= nil then return motor.poles, operating.path(motor, "poles") end
  if motor.model ~= nil then
    local suffix = string.match(motor.model, "%-(%d+)$")
    if suffix ~= nil then return tonumber(suffix), "pole suffix of model " .. motor.model end
  end
  return nil
end

rule {
  id = "equipment.motor-efficiency",
  title = { zh = "电动机能效低于 GB 18613-2020 3级", en = "Motor efficiency below GB 18613-2020 grade 3" },
  sector = "cross-sector",
  category = "saving_measure",
  measure = "motor-replacement",
  summary = "A motor whose rated efficiency is below the GB 18613-2020 grade 3 (limit) value for its rated output and "
    .. "poles is replaced by a grade-2 motor. A motor between tabulated outputs is read in the next lower row (the "
    .. "reference lacks the 1.1–4, 18.5 and 45 kW rows, so such motors are judged leniently, never too strictly); "
    .. "the poles come from the profile or the model's suffix (e.g. Y280S-4). Hours above the year's hours and loads "
    .. "above 1 are held to those bounds (the data-quality rule reports them). When an early replacement would pay "
    .. "back after the motor's life at the plant's electricity price, it is reported as information (replace at failure "
    .. "or rewind) instead of a measure — unless the motor is on an elimination catalogue, which requires it to go now.",
  formula = "saving (kWh/a) = P_rated × load × hours × count × (1/η_old − 1/η_grade2); investment = unit cost × P_rated × count; "
    .. "information only when investment ÷ (saving × price) > lifetime",
  references = {
    { standard = "GB 18613-2020", clause = "Table (EQE motor_lv.json p4; shared/reference/energy-figures.md §5.1)",
      title = "电动机能效限定值及能效等级", confidence = "high" },
    { standard = "Input power = output power / efficiency", clause = "saving = P·(1/η_old − 1/η_new)", confidence = "high" },
  },
  parameters = {
    unit_cost = { default = 400, unit = "yuan/kW", min = 150, max = 1500,
                  doc = "Installed cost of a new grade-2 motor per kW — orientation figure, not from a cited source (low confidence)" },
    lifetime = { default = 15, unit = "a", min = 8, max = 25,
                 doc = "Motor life — orientation figure, not from a cited source (low confidence)" },
    default_load = { default = 0.75, unit = "1", min = 0.2, max = 1,
                     doc = "Load factor when the profile gives none — orientation figure, not from a cited source (low confidence)" },
    default_hours = { default = 6000, unit = "h/a", min = 500, max = 8760,
                      doc = "Operating hours when the profile gives none — orientation figure, not from a cited source (low confidence)" },
  },
  examples = {
    -- M-1, 75 kW 4-pole at 93.6 % (grade 3 is 95 %), replaced by a grade-2 motor at 96 %:
    -- 75 kW × 0.8 × 6000 h × (1/0.936 − 1/0.96) = 360 000 × 0.0267094 = 9615.38 kWh a year; 400 yuan/kW × 75 kW.
    { name = "Y-series 75 kW motor below grade 3", profile = "../../examples/plants/mixed-equipment.yaml", expect = "fires",
      findings = { { subject = "M-1", kwh = { value = 9615.38, tolerance = 0.01 }, investment = 30000 } } },
    { name = "no nameplate efficiency", profile = "../../examples/plants/mixed-equipment.yaml",
      expect = "insufficient_data", subject = "M-3" },
    { name = "M-1 at 95 % meets grade 3", profile = "../../examples/plants/mixed-equipment.yaml",
      patch = { equipment = { ["M-1"] = { efficiency = "95 %" } } }, expect = "silent", subject = "M-1" },
  },
  evaluate = function(plant, ctx, params)
    local motors = ediag.equipment(plant, "motor")
    if #motors == 0 then
      ctx:not_applicable("the profile lists no motors")
      return
    end
    for _, m in ipairs(motors) do
      local poles, poles_source = motor_poles(m)
      local output = table_output_for(m.rated_power)
      if m.rated_power <= 0 then
        ctx:not_applicable { subject = m.id, reason = "rated power is 0 kW (reported by equipment.data-quality)" }
      elseif output == nil or m.rated_power > 1000 then
        ctx:not_applicable { subject = m.id, reason = "rated power outside the GB 18613-2020 rows in the reference (0.75–1000 kW)" }
      elseif m.efficiency == nil or poles == nil then
        local needs = {}
        if m.efficiency == nil then needs[#needs + 1] = operating.path(m, "efficiency") end
        if poles == nil then needs[#needs + 1] = operating.path(m, "poles") end
        ctx:insufficient_data { subject = m.id, needs = needs }
      else
        local limits = ediag.limits(GB18613, { kw = output, poles = poles })
        local row = limits.current
        if row == nil then
          ctx:not_applicable { subject = m.id, reason = "no GB 18613-2020 row for " .. poles
            .. " poles in force on the assessment date (the standard covers 2, 4, 6 and 8 poles from 2021-06-01)" }
        elseif m.efficiency < row.grade3 then
          local eta_old, eta_new = m.efficiency / 100, row.grade2 / 100
          local load, load_source, load_given = operating.load(m, params.default_load)
          local hours, hours_source, hours_given = operating.hours(plant, m, params.default_hours)
          local count = operating.count(m)
          local kwh = m.rated_power * load * hours * count * (1 / eta_old - 1 / eta_new)
          local investment = params.unit_cost * m.rated_power * count
          local payback = operating.electricity_payback(plant, investment, kwh)
          -- A motor on an elimination catalogue must go whatever the payback: the measure then values the replacement.
          if payback ~= nil and payback > params.lifetime and not elimination.listed(plant, m) then
            ctx:finding {
              subject = m.id,
              category = "saving_measure",
              severity = "info",
              message = {
                en = "{id} ({kw} kW, {poles}-pole) runs at {eta}% efficiency, below the grade 3 limit of {g3}%, but an early "
                  .. "replacement saves only {kwh:0} kWh a year and pays back in {payback:1} years, longer than a motor's "
                  .. "{life:0}-year life: replace it with a grade 2 motor ({g2}%) when it fails or is rewound",
                zh = "{id}（{kw} kW，{poles}极）效率 {eta}%，低于 GB 18613-2020 3级限定值 {g3}%；但提前更换年节电仅 {kwh:0} kWh，"
                  .. "回收期 {payback:1} 年，长于电机寿命 {life:0} 年：宜在故障或大修时更换为2级电机（{g2}%）",
              },
              values = { id = m.id, kw = m.rated_power, poles = poles, eta = m.efficiency, g3 = row.grade3, g2 = row.grade2,
                         kwh = kwh, payback = payback, life = params.lifetime },
              evidence = {
                { name = "rated efficiency", value = m.efficiency, unit = "%", source = operating.path(m, "efficiency") },
                { name = "grade 3 limit", value = row.grade3, unit = "%", source = row.standard .. ", " .. output .. " kW row" },
                { name = "simple payback of an early replacement", value = payback, unit = "a",
                  source = "unit cost × kW ÷ (saving × energy.electricity.price)" },
              },
            }
          else
            ctx:recommend {
              subject = m.id,
              savings = { electricity = kwh },
              -- The drive's input energy is the flow a VFD on the same motor also saves from.
              interaction = { group = operating.drive_group(plant, m),
                              base = { electricity = m.rated_power * load * hours * count / eta_old } },
              investment = investment,
              lifetime = params.lifetime,
              confidence = operating.confidence(hours_given, load_given),
              message = {
                en = "{id} ({kw} kW, {poles}-pole) runs at {eta}% efficiency, below the grade 3 limit of {g3}%; a grade 2 motor ({g2}%) saves {kwh:0} kWh a year",
                zh = "{id}（{kw} kW，{poles}极）效率 {eta}%，低于 GB 18613-2020 3级限定值 {g3}%；更换为2级电机（{g2}%）年节电 {kwh:0} kWh",
              },
              values = { id = m.id, kw = m.rated_power, poles = poles, eta = m.efficiency, g3 = row.grade3, g2 = row.grade2, kwh = kwh },
              evidence = {
                { name = "rated efficiency", value = m.efficiency, unit = "%", source = operating.path(m, "efficiency") },
                { name = "poles", value = poles, source = poles_source },
                { name = "grade 3 limit", value = row.grade3, unit = "%", source = row.standard .. ", " .. output .. " kW row" },
                { name = "grade 2 (replacement)", value = row.grade2, unit = "%", source = row.standard .. ", " .. output .. " kW row" },
                { name = "load factor", value = load, unit = "1", source = load_source },
                { name = "operating hours", value = hours, unit = "h/a", source = hours_source },
              },
            }
          end
        end
      end
    end
  end,
}
