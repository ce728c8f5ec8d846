-- Grinding upgrades: ball-mill cement grinding to roller-press or vertical-roller-mill systems, and
-- ball raw mills to vertical roller mills.

local function field_path(unit, field)
  return "process_units[" .. unit.id .. "]." .. field
end

--- The profile fields of a unit that are missing, as paths to measure.
local function missing_fields(unit, fields)
  local needs = {}
  for _, field in ipairs(fields) do
    if unit[field] == nil then needs[#needs + 1] = field_path(unit, field) end
  end
  return needs
end

local BALL_CEMENT_MILLS = { ball_open = true, ball_closed = true }

rule {
  id = "cement.cement-grinding-upgrade",
  title = { zh = "水泥粉磨系统节能改造（辊压机/立磨）", en = "Cement grinding upgrade to a roller press or vertical roller mill" },
  sector = "cement",
  category = "saving_measure",
  measure = "cement-grinding-upgrade",
  summary = "A cement grinding unit that still grinds in a ball mill alone (open or closed circuit) and whose preparation "
    .. "section power is above 29 kWh/t — the GB 16780-2021 grade-2 value that new lines must meet — can be converted "
    .. "to roller-press combined or semi-finish grinding, or to a vertical roller mill; the saving is the power above "
    .. "that level. Already-upgraded systems are not applicable.",
  formula = "electricity saved (kWh/a) = (preparation power − target power) (kWh/t) × cement output (t/a), when positive; "
    .. "investment = unit cost (yuan per t/a) × cement output (t/a)",
  references = {
    { standard = "GB 16780-2021", clause = "Table 3: cement preparation section power, grade 2 = 29 kWh/t", confidence = "high" },
    { standard = "ediag orientation figures", clause = "that a retrofit reaches the grade-2 level, its cost and life are "
        .. "assumptions, not from a cited source", confidence = "low" },
  },
  parameters = {
    target_power = { default = 29, unit = "kWh/t", min = 22, max = 34,
                     doc = "Preparation section power after the upgrade, taken as the GB 16780-2021 grade-2 (new-build) value; "
                       .. "that a retrofit reaches it is an orientation assumption (low confidence)",
                     source = "GB 16780-2021 Table 3, grade 2 = 29 kWh/t" },
    unit_cost = { default = 15, unit = "yuan/(t/a)", min = 5, max = 40,
                  doc = "Investment per t/a of cement ground — orientation figure, not from a cited source (low confidence)" },
    lifetime = { default = 15, unit = "a", min = 8, max = 25,
                 doc = "Economic life of the grinding equipment — orientation figure, not from a cited source (low confidence)" },
  },
  evaluate = function(plant, ctx, params)
    local mills = ediag.units(plant, "cement_mill")
    if #mills == 0 then
      ctx:not_applicable("the profile lists no cement_mill process unit")
      return
    end
    for _, mill in ipairs(mills) do
      if mill.mill_type == nil then
        ctx:insufficient_data { subject = mill.id, needs = { field_path(mill, "mill_type") } }
      elseif not BALL_CEMENT_MILLS[mill.mill_type] or ediag.implemented(plant, "cement-grinding-upgrade", mill.id) then
        ctx:not_applicable { subject = mill.id, reason = "the grinding system is already a roller-press or vertical-roller-mill system" }
      else
        local needs = missing_fields(mill, { "preparation_power", "cement_output" })
        if #needs > 0 then
          ctx:insufficient_data { subject = mill.id, needs = needs }
        elseif mill.preparation_power > params.target_power then
          local per_tonne = mill.preparation_power - params.target_power
          local kwh = per_tonne * mill.cement_output
          ctx:recommend {
            subject = mill.id,
            savings = { electricity = kwh },
            -- The replacement of the mill's own motor (serves: this mill) saves from the same grinding power.
            interaction = { group = "grinding:" .. mill.id, base = { electricity = mill.preparation_power * mill.cement_output } },
            investment = params.unit_cost * mill.cement_output,
            lifetime = params.lifetime,
            confidence = "low",
            message = {
              en = "{mill} grinds cement in a ball mill at {power} kWh/t; a roller press or vertical roller mill bringing it "
                .. "to {target} kWh/t saves {saving} kWh/t × {output:0} t = {kwh:0} kWh a year",
              zh = "{mill} 采用球磨机粉磨，水泥制备工段电耗 {power} kWh/t；改为辊压机联合粉磨或立磨降至 {target} kWh/t，"
                .. "年节电 {saving} kWh/t × {output:0} t = {kwh:0} kWh",
            },
            values = { mill = mill.id, power = mill.preparation_power, target = params.target_power,
                       saving = ediag.round(per_tonne, 2), output = mill.cement_output, kwh = kwh },
            evidence = {
              { name = "grinding system", value = mill.mill_type, source = field_path(mill, "mill_type") },
              { name = "preparation section power", value = mill.preparation_power, unit = "kWh/t",
                source = field_path(mill, "preparation_power") },
              { name = "cement output", value = mill.cement_output, unit = "t", source = field_path(mill, "cement_output") },
            },
          }
        end
      end
    end
  end,
}

rule {
  id = "cement.raw-mill-vrm",
  title = { zh = "生料球磨改立磨", en = "Vertical roller mill for raw meal grinding" },
  sector = "cement",
  category = "saving_measure",
  measure = "raw-mill-vrm",
  summary = "A raw mill that is a ball mill can be replaced by a vertical roller mill (which also dries the raw "
    .. "material with kiln exhaust gas); commonly cited LBNL figures put the saving at about 10–20 kWh/t raw meal. "
    .. "Those figures are unverified, so the low end is used and the estimate has low confidence.",
  formula = "electricity saved (kWh/a) = saving (kWh/t) × raw meal output (t/a); "
    .. "investment = unit cost (yuan per t/a) × raw meal output (t/a)",
  references = {
    { standard = "LBNL ENERGY STAR guide for cement (as commonly cited; shared/reference/energy-figures.md §6)",
      clause = "vertical roller mill for raw meal saves ~10–20 kWh/t (unverified)", confidence = "low" },
  },
  parameters = {
    saving = { default = 10, unit = "kWh/t", min = 5, max = 20,
               doc = "Power saved per t raw meal (low end of ~10–20 kWh/t; unverified in the reference: low confidence)",
               source = "shared/reference/energy-figures.md §6: LBNL guides, VRM for raw meal ~10–20 kWh/t (unverified)" },
    unit_cost = { default = 20, unit = "yuan/(t/a)", min = 8, max = 50,
                  doc = "Investment per t/a of raw meal — orientation figure, not from a cited source (low confidence)" },
    lifetime = { default = 20, unit = "a", min = 10, max = 30,
                 doc = "Economic life of a vertical roller mill — orientation figure, not from a cited source (low confidence)" },
  },
  evaluate = function(plant, ctx, params)
    local mills = ediag.units(plant, "raw_mill")
    if #mills == 0 then
      ctx:not_applicable("the profile lists no raw_mill process unit")
      return
    end
    for _, mill in ipairs(mills) do
      if mill.mill_type == nil then
        ctx:insufficient_data { subject = mill.id, needs = { field_path(mill, "mill_type") } }
      elseif mill.mill_type ~= "ball" or ediag.implemented(plant, "raw-mill-vrm", mill.id) then
        ctx:not_applicable { subject = mill.id, reason = "the raw mill is already a vertical roller mill or roller press" }
      elseif mill.raw_meal_output == nil then
        ctx:insufficient_data { subject = mill.id, needs = { field_path(mill, "raw_meal_output") } }
      else
        local kwh = params.saving * mill.raw_meal_output
        local evidence = {
          { name = "grinding system", value = mill.mill_type, source = field_path(mill, "mill_type") },
          { name = "raw meal output", value = mill.raw_meal_output, unit = "t", source = field_path(mill, "raw_meal_output") },
        }
        if mill.specific_power ~= nil then
          evidence[#evidence + 1] = { name = "raw mill specific power", value = mill.specific_power, unit = "kWh/t",
                                      source = field_path(mill, "specific_power") }
        end
        ctx:recommend {
          subject = mill.id,
          savings = { electricity = kwh },
          -- The replacement of the mill's own motor (serves: this mill) saves from the same grinding power.
          interaction = { group = "grinding:" .. mill.id,
                          base = mill.specific_power and { electricity = mill.specific_power * mill.raw_meal_output } or nil },
          investment = params.unit_cost * mill.raw_meal_output,
          lifetime = params.lifetime,
          confidence = "low",
          message = {
            en = "{mill} grinds raw meal in a ball mill; a vertical roller mill saves about {saving} kWh/t × {output:0} t "
              .. "= {kwh:0} kWh a year (unverified orientation figure)",
            zh = "{mill} 生料采用球磨机；改用立磨约节电 {saving} kWh/t × {output:0} t = 年节电 {kwh:0} kWh（参考值未经核实）",
          },
          values = { mill = mill.id, saving = params.saving, output = mill.raw_meal_output, kwh = kwh },
          evidence = evidence,
        }
      end
    end
  end,
}
