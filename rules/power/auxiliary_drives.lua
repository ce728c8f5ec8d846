-- Variable-frequency drives on the large auxiliary fans and pumps of generating units (induced- and
-- forced-draught fans, primary-air fans, circulating-water, condensate and feed-water booster pumps).
-- At a power plant auxiliary power is the unit's own output: each kWh saved is a kWh more supplied for
-- the same fuel, so the saving is counted as the fuel behind it at the unit's generation coal rate.

local power_units = require("power_units")

local VFD_CASES = { standard = "hysjfh.com; mining-fan.com (shared/reference/energy-figures.md §6)",
                    clause = "VFD on fans and pumps generally saves 20–50 %; mine-fan case 3 × 400 kW: −28 %, 2.0 M yuan, payback 1.14 a",
                    confidence = "medium" }

-- Flow controls that throttle away power a drive would save.
local THROTTLING = { damper = true, inlet_vanes = true, throttle = true }

local function equipment_path(item, field)
  return "equipment[" .. item.id .. "]." .. field
end

--- The generating unit an item serves: the unit it names, or the only unit of a power plant when it
--- names none. Returns nil, needs when it cannot be told; false when the item serves something else.
local function served_unit(plant, item, units)
  if item.serves ~= nil then
    for _, unit in ipairs(units) do
      if unit.id == item.serves then return unit end
    end
    return false
  end
  if plant.plant.sector ~= "power" then return false end
  if #units == 1 then return units[1] end
  return nil, { equipment_path(item, "serves") }
end

--- Large fans and pumps with the unit each serves (or what is missing to tell).
local function auxiliary_drives(plant, min_power)
  local units = power_units.generating_units(plant)
  local drives = {}
  for _, kind in ipairs({ "fan", "pump" }) do
    for _, item in ipairs(ediag.equipment(plant, kind)) do
      if item.rated_power >= min_power then
        local unit, needs = served_unit(plant, item, units)
        if unit ~= false then drives[#drives + 1] = { item = item, unit = unit, needs = needs } end
      end
    end
  end
  return drives
end

rule {
  id = "power.auxiliary-vfd",
  title = { zh = "辅机变频调速改造", en = "Variable-speed drives on auxiliary fans and pumps" },
  sector = "power",
  category = "saving_measure",
  measure = "vfd",
  summary = "Large auxiliary fans and pumps of a generating unit that are controlled by dampers, inlet vanes or "
    .. "throttle valves waste the power throttled away, most of all at part load; a variable-frequency drive matches "
    .. "speed to the flow needed. The auxiliary power saved is supplied instead, so the unit burns less fuel for the "
    .. "same supply.",
  formula = "auxiliary power saved (kWh/a) = rated power × load × hours × count × saving share; fuel saved (tce/a) = "
    .. "kWh × generation coal rate (= supply coal rate × (1 − auxiliary power rate)) / 10^6; investment = unit cost × "
    .. "rated power × count",
  references = {
    VFD_CASES,
    { standard = "Definition of the supply coal rate (供电煤耗率): coal per kWh supplied = coal per kWh generated ÷ (1 − auxiliary power rate)",
      clause = "generation coal rate = supply coal rate × (1 − auxiliary power rate)", confidence = "high" },
  },
  parameters = {
    min_power = { default = 200, unit = "kW", min = 55, max = 10000,
                  doc = "Smallest fan or pump motor this rule looks at (smaller drives are left to the equipment rules; a scope setting, not from a cited source)" },
    saving_share = { default = 0.28, unit = "1", min = 0.2, max = 0.5,
                     doc = "Share of fan or pump input power saved by the drive",
                     source = "mine-fan case, 3 × 400 kW, −28 % (mining-fan.com, M); range 20–50 % (hysjfh.com, M)" },
    unit_cost = { default = 1667, unit = "yuan/kW", min = 500, max = 3000,
                  doc = "Installed drive cost per kW of motor",
                  source = "derived from the mine-fan case: 2.0 M yuan / 1200 kW (M); second case 1.2 M yuan / 400 kW = 3000 yuan/kW" },
    default_load = { default = 0.75, unit = "1", min = 0.3, max = 1,
                     doc = "Load as a share of rated power when the profile gives none — orientation figure, not from a cited source (low confidence)" },
    lifetime = { default = 15, unit = "a", min = 8, max = 20,
                 doc = "Drive life — orientation figure, not from a cited source (low confidence)" },
  },
  applies = function(plant, ctx, params)
    if #power_units.generating_units(plant) == 0 then return false, "no generating unit (power_unit or ccgt_unit)" end
    if #auxiliary_drives(plant, params.min_power) == 0 then
      return false, "no fan or pump of " .. params.min_power .. " kW or more serves a generating unit"
    end
    return true
  end,
  evaluate = function(plant, ctx, params)
    for _, drive in ipairs(auxiliary_drives(plant, params.min_power)) do
      local item, unit = drive.item, drive.unit
      if item.speed_control == "vfd" or ediag.implemented(plant, "vfd", item.id) then
        ctx:not_applicable { subject = item.id, reason = "it already has a variable-frequency drive" }
      elseif item.speed_control ~= nil and not THROTTLING[item.speed_control] then
        ctx:not_applicable { subject = item.id, reason = "flow is not throttled (" .. item.speed_control .. ")" }
      else
        local needs = {}
        if item.speed_control == nil then needs[#needs + 1] = equipment_path(item, "speed_control") end
        if item.hours == nil then needs[#needs + 1] = equipment_path(item, "hours") end
        local rate
        if unit == nil then
          power_units.append(needs, drive.needs)
        else
          local rate_needs
          rate, rate_needs = power_units.generation_coal_rate(unit)
          if rate == nil then power_units.append(needs, rate_needs) end
        end
        if #needs > 0 then
          ctx:insufficient_data { subject = item.id, needs = needs }
        else
          local load = item.load_factor or params.default_load
          local count = item.count or 1
          local kwh = item.rated_power * load * item.hours * count * params.saving_share
          local tce = kwh * rate / 1e6
          ctx:recommend {
            subject = item.id,
            savings = { [power_units.fuel(unit)] = power_units.fuel_for_tce(plant, unit, tce) },
            interaction = power_units.interaction(plant, unit),
            investment = params.unit_cost * item.rated_power * count,
            lifetime = params.lifetime,
            confidence = item.load_factor and "medium" or "low",
            message = {
              en = "{id} ({count} × {kw:0} kW, unit {unit}) is controlled by {control}; a variable-frequency drive saves about "
                .. "{share:0}%, {kwh:0} kWh of auxiliary power a year, worth {tce:0} tce at {rate:1} gce/kWh",
              zh = "{id}（{count} × {kw:0} kW，{unit} 机组）采用{control}调节；变频改造节约厂用电约 {share:0}%，年 {kwh:0} kWh，"
                .. "按发电煤耗 {rate:1} gce/kWh 折 {tce:0} tce",
            },
            values = { id = item.id, count = count, kw = item.rated_power, unit = unit.id, control = item.speed_control,
                       share = params.saving_share * 100, kwh = kwh, rate = rate, tce = tce },
            evidence = {
              { name = "rated power", value = item.rated_power, unit = "kW", source = equipment_path(item, "rated_power") },
              { name = "load factor", value = load, unit = "1", source = item.load_factor and equipment_path(item, "load_factor") or "parameter default_load" },
              { name = "operating hours", value = item.hours, unit = "h/a", source = equipment_path(item, "hours") },
              { name = "auxiliary power saved", value = kwh, unit = "kWh/a", source = "rated power × load × hours × count × saving share" },
              { name = "generation coal rate", value = rate, unit = "gce/kWh",
                source = power_units.field_path(unit, "supply_coal_rate") .. " × (1 − auxiliary_power_rate)" },
            },
          }
        end
      end
    end
  end,
}
