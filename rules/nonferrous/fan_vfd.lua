-- Variable-frequency drives on the large fans of potlines, smelters and refineries.

local NONFERROUS_UNITS = { "potline", "smelter", "alumina_refinery" }

-- Flow controls that throttle away fan power a drive would save.
local THROTTLING = { damper = true, inlet_vanes = true, throttle = true }

--- Ids of the plant's nonferrous process units.
local function nonferrous_unit_ids(plant)
  local ids = {}
  for _, type_name in ipairs(NONFERROUS_UNITS) do
    for _, unit in ipairs(ediag.units(plant, type_name)) do ids[unit.id] = true end
  end
  return ids
end

--- The fans this rule looks at: those serving a nonferrous unit, and in a nonferrous plant those serving nothing named.
local function process_fans(plant, min_power)
  local ids = nonferrous_unit_ids(plant)
  local nonferrous_plant = plant.plant.sector == "nonferrous"
  local fans = {}
  for _, fan in ipairs(ediag.equipment(plant, "fan")) do
    local ours = (fan.serves ~= nil and ids[fan.serves]) or (fan.serves == nil and nonferrous_plant)
    if ours and fan.rated_power >= min_power then fans[#fans + 1] = fan end
  end
  return fans
end

rule {
  id = "nonferrous.large-fan-vfd",
  title = { zh = "大型风机变频调速改造", en = "Variable-speed drives on large process fans" },
  sector = "nonferrous",
  category = "saving_measure",
  measure = "vfd",
  summary = "Large fume-treatment, off-gas and process fans controlled by dampers or inlet vanes waste the power "
    .. "throttled away; a variable-frequency drive matches speed to the flow needed.",
  formula = "electricity saved (kWh/a) = rated power × load × hours × count × saving share; investment = unit cost × "
    .. "rated power × count",
  references = {
    { standard = "hysjfh.com; mining-fan.com (shared/reference/energy-figures.md §6)",
      clause = "VFD on fans and pumps generally saves 20–50 %; mine-fan case 3 × 400 kW: −28 %, 2.0 M yuan, payback 1.14 a",
      confidence = "medium" },
  },
  parameters = {
    min_power = { default = 200, unit = "kW", min = 55, max = 5000,
                  doc = "Smallest fan motor this rule looks at (the scope of 'large fans'; smaller fans are left to equipment rules; a scope setting, not from a cited source)" },
    saving_share = { default = 0.28, unit = "1", min = 0.2, max = 0.5,
                     doc = "Share of fan input power saved by the drive",
                     source = "mine-fan case, 3 × 400 kW, −28 % (mining-fan.com, M); range 20–50 % (hysjfh.com, M)" },
    unit_cost = { default = 1667, unit = "yuan/kW", min = 800, max = 3000,
                  doc = "Installed drive cost per kW of fan motor",
                  source = "derived from the mine-fan case: 2.0 M yuan / 1200 kW (M); second case 1.2 M yuan / 400 kW = 3000 yuan/kW" },
    default_load = { default = 0.75, unit = "1", min = 0.3, max = 1,
                     doc = "Fan load as a share of rated power when the profile gives none; orientation figure, not from a cited source (low confidence)" },
    lifetime = { default = 15, unit = "a", min = 8, max = 20,
                 doc = "Drive life; orientation figure, not from a cited source (low confidence)" },
  },
  applies = function(plant, ctx, params)
    if #process_fans(plant, params.min_power) == 0 then
      return false, "no fan of " .. params.min_power .. " kW or more serves a potline, smelter or alumina refinery"
    end
    return true
  end,
  evaluate = function(plant, ctx, params)
    for _, fan in ipairs(process_fans(plant, params.min_power)) do
      if fan.speed_control == "vfd" or ediag.implemented(plant, "vfd", fan.id) then
        ctx:not_applicable { subject = fan.id, reason = "the fan already has a variable-frequency drive" }
      elseif fan.speed_control ~= nil and not THROTTLING[fan.speed_control] then
        ctx:not_applicable { subject = fan.id, reason = "flow is not throttled (" .. fan.speed_control .. ")" }
      elseif fan.speed_control == nil or fan.hours == nil then
        local needs = {}
        if fan.speed_control == nil then needs[#needs + 1] = "equipment[" .. fan.id .. "].speed_control" end
        if fan.hours == nil then needs[#needs + 1] = "equipment[" .. fan.id .. "].hours" end
        ctx:insufficient_data { subject = fan.id, needs = needs }
      else
        local load = fan.load_factor or params.default_load
        local count = fan.count or 1
        local kwh = fan.rated_power * load * fan.hours * count * params.saving_share
        ctx:recommend {
          subject = fan.id,
          savings = { electricity = kwh },
          -- A replacement of the motor that drives this fan (drives: <fan id>) saves from the same input power.
          interaction = { group = "drive:" .. fan.id, base = { electricity = fan.rated_power * load * fan.hours * count } },
          investment = params.unit_cost * fan.rated_power * count,
          lifetime = params.lifetime,
          confidence = fan.load_factor and "medium" or "low",
          message = {
            en = "{id} ({count} × {kw:0} kW) is controlled by {control}; a variable-frequency drive saves about {share:0}%, {kwh:0} kWh a year",
            zh = "{id}（{count} × {kw:0} kW）采用{control}调节；变频改造节电约 {share:0}%，年节电 {kwh:0} kWh",
          },
          values = { id = fan.id, count = count, kw = fan.rated_power, control = fan.speed_control,
                     share = params.saving_share * 100, kwh = kwh },
          evidence = {
            { name = "rated power", value = fan.rated_power, unit = "kW", source = "equipment[" .. fan.id .. "].rated_power" },
            { name = "load factor", value = load, unit = "1", source = fan.load_factor and "profile" or "parameter default_load" },
            { name = "operating hours", value = fan.hours, unit = "h/a", source = "equipment[" .. fan.id .. "].hours" },
            { name = "flow control", value = fan.speed_control, source = "equipment[" .. fan.id .. "].speed_control" },
          },
        }
      end
    end
  end,
}
