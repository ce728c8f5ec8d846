-- Variable-frequency drives on fans and pumps whose flow is throttled by a valve, damper or inlet
-- vanes: the drive lowers speed instead of burning the excess head across the throttle.

local operating = require("operating")

local VFD_CASES = {
  standard = "hysjfh.com; mining-fan.com (shared/reference/energy-figures.md §6)",
  clause = "VFD on fans and pumps generally saves 20–50 %; mine-fan case 3 × 400 kW: −28 %, 2.0 M yuan, payback 1.14 a; "
    .. "second case 2 × 200 kW: 1.2 M yuan, payback 1.46 a",
  confidence = "medium",
}

-- Flow controls that throttle away power a drive would save.
local THROTTLING = { throttle = true, damper = true, inlet_vanes = true }

-- Large fans and pumps the sector packs assess with their own drive rules (same saving share and
-- cost): by the type of process unit they serve, and by plant sector when they serve none named.
local SECTOR_RULE_BY_UNIT = {
  fan = { potline = "nonferrous.large-fan-vfd", smelter = "nonferrous.large-fan-vfd",
          alumina_refinery = "nonferrous.large-fan-vfd", power_unit = "power.auxiliary-vfd", ccgt_unit = "power.auxiliary-vfd" },
  pump = { power_unit = "power.auxiliary-vfd", ccgt_unit = "power.auxiliary-vfd" },
}
local SECTOR_RULE_BY_PLANT = {
  fan = { nonferrous = "nonferrous.large-fan-vfd", power = "power.auxiliary-vfd" },
  pump = { power = "power.auxiliary-vfd" },
}

local function unit_type(plant, id)
  for _, unit in ipairs(plant.process_units or {}) do
    if unit.id == id then return unit.type end
  end
  return nil
end

--- The sector rule that assesses this fan or pump, if any (large drives of nonferrous and power units).
local function sector_rule_for(plant, item, handover_power)
  if item.rated_power < handover_power then return nil end
  if item.serves ~= nil then
    local served = unit_type(plant, item.serves)
    return served and SECTOR_RULE_BY_UNIT[item.type][served] or nil
  end
  return SECTOR_RULE_BY_PLANT[item.type][plant.plant.sector]
end

--- Drives this rule looks at: motors driving a fan or pump, and fan and pump items.
local function fan_and_pump_drives(plant)
  local drives = {}
  for _, motor in ipairs(ediag.equipment(plant, "motor")) do
    if motor.driven_load == "fan" or motor.driven_load == "pump" then drives[#drives + 1] = motor end
  end
  for _, kind in ipairs({ "fan", "pump" }) do
    for _, item in ipairs(ediag.equipment(plant, kind)) do drives[#drives + 1] = item end
  end
  return drives
end

rule {
  id = "equipment.fan-pump-vfd",
  title = { zh = "风机水泵变频调速改造", en = "Variable-speed drives on throttled fans and pumps" },
  sector = "cross-sector",
  category = "saving_measure",
  measure = "vfd",
  summary = "A fan or pump (listed as a fan/pump item, or as a motor whose driven_load is fan or pump) whose flow is "
    .. "controlled by a throttle valve, damper or inlet vanes wastes the power throttled away; a variable-frequency "
    .. "drive saves 20–50 % of its input power, 28 % taken by default (the mine-fan case). List each drive once, as "
    .. "the fan/pump or as its motor; when both are listed, give the motor drives: <fan or pump id> and the VFD is "
    .. "assessed on the machine only. Fans and pumps of 200 kW or more that serve a potline, smelter, "
    .. "alumina refinery or generating unit (or, serving none named, belong to a nonferrous or power plant) are left "
    .. "to nonferrous.large-fan-vfd and power.auxiliary-vfd, which use the same figures.",
  formula = "saving (kWh/a) = P_rated × load × hours × count × saving share; investment = unit cost × P_rated × count",
  references = { VFD_CASES },
  parameters = {
    saving_share = { default = 0.28, unit = "1", min = 0.2, max = 0.5,
                     doc = "Share of the drive's input power saved",
                     source = "mine-fan case 3 × 400 kW, −28 % (mining-fan.com, M); range 20–50 % (hysjfh.com, M)" },
    unit_cost = { default = 1667, unit = "yuan/kW", min = 500, max = 3000,
                  doc = "Installed drive cost per kW of motor",
                  source = "derived from the mine-fan case: 2.0 M yuan / 1200 kW (M); second case 1.2 M yuan / 400 kW = 3000 yuan/kW" },
    handover_power = { default = 200, unit = "kW", min = 55, max = 10000,
                       doc = "Fans and pumps of this power or more serving nonferrous or power units are assessed by the sector "
                         .. "rules; keep equal to their min_power (a scope setting of the packs, not from a cited source)" },
    default_load = { default = 0.75, unit = "1", min = 0.3, max = 1,
                     doc = "Load as a share of rated power when the profile gives none — orientation figure, not from a cited source (low confidence)" },
    default_hours = { default = 6000, unit = "h/a", min = 500, max = 8760,
                      doc = "Operating hours when the profile gives none — orientation figure, not from a cited source (low confidence)" },
    lifetime = { default = 15, unit = "a", min = 8, max = 20,
                 doc = "Drive life — orientation figure, not from a cited source (low confidence)" },
  },
  evaluate = function(plant, ctx, params)
    local drives = fan_and_pump_drives(plant)
    if #drives == 0 then
      ctx:not_applicable("the profile lists no fan, pump, or motor driving a fan or pump")
      return
    end
    for _, item in ipairs(drives) do
      local sector_rule = item.type ~= "motor" and sector_rule_for(plant, item, params.handover_power) or nil
      local driven = item.type == "motor" and item.drives ~= nil and operating.item(plant, item.drives) or nil
      if driven ~= nil then
        ctx:not_applicable { subject = item.id, reason = "it drives " .. driven.id .. ", where the drive is assessed" }
      elseif item.rated_power <= 0 then
        ctx:not_applicable { subject = item.id, reason = "rated power is 0 kW (reported by equipment.data-quality)" }
      elseif sector_rule ~= nil then
        ctx:not_applicable { subject = item.id, reason = "assessed by " .. sector_rule }
      elseif item.speed_control == "vfd" or ediag.implemented(plant, "vfd", item.id) then
        ctx:not_applicable { subject = item.id, reason = "it already has a variable-frequency drive" }
      elseif item.speed_control == nil then
        ctx:insufficient_data { subject = item.id, needs = { operating.path(item, "speed_control") } }
      elseif not THROTTLING[item.speed_control] then
        ctx:not_applicable { subject = item.id, reason = "flow is not throttled (" .. item.speed_control .. ")" }
      else
        local load, load_source, load_given = operating.load(item, params.default_load)
        local hours, hours_source, hours_given = operating.hours(plant, item, params.default_hours)
        local count = operating.count(item)
        local kwh = item.rated_power * load * hours * count * params.saving_share
        ctx:recommend {
          subject = item.id,
          savings = { electricity = kwh },
          -- A motor replacement on the same drive saves from the same input energy.
          interaction = { group = operating.drive_group(plant, item), base = { electricity = item.rated_power * load * hours * count } },
          investment = params.unit_cost * item.rated_power * count,
          lifetime = params.lifetime,
          confidence = operating.confidence(hours_given, load_given) == "high" and "medium" or "low",
          message = {
            en = "{id} ({count} × {kw} kW) is controlled by {control}; a variable-frequency drive saves about {share:0}%, {kwh:0} kWh a year",
            zh = "{id}（{count} × {kw} kW）采用{control}调节；变频改造节电约 {share:0}%，年节电 {kwh:0} kWh",
          },
          values = { id = item.id, count = count, kw = item.rated_power, control = item.speed_control,
                     share = params.saving_share * 100, kwh = kwh },
          evidence = {
            { name = "rated power", value = item.rated_power, unit = "kW", source = operating.path(item, "rated_power") },
            { name = "flow control", value = item.speed_control, source = operating.path(item, "speed_control") },
            { name = "load factor", value = load, unit = "1", source = load_source },
            { name = "operating hours", value = hours, unit = "h/a", source = hours_source },
            { name = "saving share", value = params.saving_share, unit = "1", source = "parameter saving_share" },
          },
        }
      end
    end
  end,
}
