-- Motors against GB 18613-2020: grade by rated power and poles; replacement savings.

local function efficiency_row(kw)
  local rows = ediag.data("equipment.gb18613-2020").data
  local chosen = nil
  for _, row in ipairs(rows) do
    if kw >= row.kw then chosen = row end
  end
  return chosen
end

rule {
  id = "equipment.motor-efficiency",
  title = { zh = "电动机能效低于 GB 18613-2020 3级", en = "Motor efficiency below GB 18613-2020 grade 3" },
  sector = "cross-sector",
  category = "saving_measure",
  measure = "motor-replacement",
  summary = "A motor whose rated efficiency is below the GB 18613-2020 grade 3 (limit) value for its power and poles "
    .. "is replaced by a grade-2 motor; rows between table powers use the next lower table row (the stricter value "
    .. "is not assumed).",
  formula = "saving (kWh/a) = P_rated × load × hours × count × (1/η_old − 1/η_new); investment = unit cost × P_rated × count",
  references = {
    { standard = "GB 18613-2020", clause = "Table 1 (EQE transcription)", title = "电动机能效限定值及能效等级", confidence = "high" },
    { standard = "Derived from efficiency difference", clause = "input power = output / η", confidence = "high" },
  },
  parameters = {
    unit_cost = { default = 400, unit = "yuan/kW", min = 150, max = 1500,
                  doc = "Installed cost of a new grade-2 motor per kW (orientation figure, not from a cited source: low confidence)" },
    lifetime = { default = 15, unit = "a", min = 8, max = 25, doc = "Motor life" },
    default_load = { default = 0.75, unit = "1", min = 0.2, max = 1, doc = "Load factor when the profile gives none" },
    default_hours = { default = 6000, unit = "h/a", min = 500, max = 8760, doc = "Operating hours when the profile gives none" },
  },
  evaluate = function(plant, ctx, params)
    local motors = ediag.equipment(plant, "motor")
    if #motors == 0 then
      ctx:not_applicable("the profile lists no motors")
      return
    end
    for _, m in ipairs(motors) do
      local poles = m.poles or 4
      local row = efficiency_row(m.rated_power)
      if row == nil or m.rated_power > 1000 then
        ctx:not_applicable { subject = m.id, reason = "rated power outside the GB 18613-2020 table (0.75–1000 kW)" }
      elseif m.efficiency == nil then
        ctx:insufficient_data { subject = m.id, needs = { "equipment[" .. m.id .. "].efficiency" } }
      else
        local grades = row["p" .. poles]
        if grades == nil then
          ctx:not_applicable { subject = m.id, reason = "GB 18613-2020 covers 2, 4, 6 and 8 poles" }
        elseif m.efficiency < grades[3] then
          local eta_old, eta_new = m.efficiency / 100, grades[2] / 100
          local load = m.load_factor or params.default_load
          local hours = m.hours or params.default_hours
          local count = m.count or 1
          local kwh = m.rated_power * load * hours * count * (1 / eta_old - 1 / eta_new)
          ctx:recommend {
            subject = m.id,
            savings = { electricity = kwh },
            investment = params.unit_cost * m.rated_power * count,
            lifetime = params.lifetime,
            confidence = (m.load_factor and m.hours) and "high" or "medium",
            message = {
              en = "{id} ({kw} kW, {poles}-pole) runs at {eta}% efficiency, below the grade 3 limit of {g3}%; a grade 2 motor ({g2}%) saves {kwh:0} kWh a year",
              zh = "{id}（{kw} kW，{poles}极）效率 {eta}%，低于 GB 18613-2020 3级限定值 {g3}%；更换为2级电机（{g2}%）年节电 {kwh:0} kWh",
            },
            values = { id = m.id, kw = m.rated_power, poles = poles, eta = m.efficiency, g3 = grades[3], g2 = grades[2], kwh = kwh },
            evidence = {
              { name = "rated efficiency", value = m.efficiency, unit = "%", source = "equipment[" .. m.id .. "].efficiency" },
              { name = "grade 3 limit", value = grades[3], unit = "%", source = "GB 18613-2020, " .. row.kw .. " kW row" },
              { name = "load factor", value = load, unit = "1", source = m.load_factor and "profile" or "parameter default_load" },
              { name = "operating hours", value = hours, unit = "h/a", source = m.hours and "profile" or "parameter default_hours" },
            },
          }
        end
      end
    end
  end,
}
