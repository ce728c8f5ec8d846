-- Operating figures of an equipment item as the measure rules use them: hours and load, with the
-- profile's absurd-but-valid values held to what a year allows (the data-quality rule reports them).

local operating = {}

--- The profile path of a field of an equipment item, e.g. `equipment[M-101].hours`.
function operating.path(item, field)
  return "equipment[" .. item.id .. "]." .. field
end

local function is_leap_year(year)
  return (year % 4 == 0 and year % 100 ~= 0) or year % 400 == 0
end

--- Hours a year can hold for this assessment: 8784 when the assessment period contains a 29 February,
--- 8760 when it does not; without a period (start and end), 8784, the most any year has.
--- Returns the hours and how they were decided.
function operating.hours_in_year(plant)
  local first, last = plant.assessment.period_start, plant.assessment.period_end
  if first == nil or last == nil then
    return 8784, "no assessment period: the longest year, 8784 h"
  end
  for year = ediag.year(first), ediag.year(last) do
    if is_leap_year(year) then
      local leap_day = string.format("%04d-02-29", year)
      if leap_day >= first and leap_day <= last then
        return 8784, "the period " .. first .. " – " .. last .. " contains " .. leap_day
      end
    end
  end
  return 8760, "the period " .. first .. " – " .. last .. " has no 29 February"
end

--- Operating hours for an estimate: the profile's, held to the hours in the year, else the default.
--- Returns hours, the source text, and whether the profile's own value is used.
function operating.hours(plant, item, default)
  if item.hours == nil then
    return default, "parameter default_hours", false
  end
  local limit = operating.hours_in_year(plant)
  if item.hours > limit then
    return limit, operating.path(item, "hours") .. " = " .. string.format("%.0f", item.hours) .. " h/a, held to the "
      .. limit .. " h of the year", false
  end
  return item.hours, operating.path(item, "hours"), true
end

--- Average load for an estimate: the profile's load factor, held to 1, else the default.
--- Returns the load, the source text, and whether the profile's own value is used.
function operating.load(item, default)
  if item.load_factor == nil then
    return default, "parameter default_load", false
  end
  if item.load_factor > 1 then
    return 1, operating.path(item, "load_factor") .. " = " .. string.format("%g", item.load_factor) .. ", held to 1", false
  end
  return item.load_factor, operating.path(item, "load_factor"), true
end

--- Number of identical units (1 when the profile gives none).
function operating.count(item)
  return item.count or 1
end

--- Confidence of an estimate: high when the profile gave both hours and load, medium when it gave
--- one, low when both came from defaults.
function operating.confidence(hours_given, load_given)
  if hours_given and load_given then return "high" end
  if hours_given or load_given then return "medium" end
  return "low"
end

--- The equipment item with this id, or nil.
function operating.item(plant, id)
  for _, item in ipairs(plant.equipment or {}) do
    if item.id == id then return item end
  end
  return nil
end

--- The energy-flow group of a drive (docs/economics.md, measures that overlap): a motor that drives a listed
--- fan, pump or compressor shares that machine's group, so a VFD or compressed-air measure on the machine and
--- the motor's replacement are combined in the plant total instead of added; a mill motor serving a mill unit
--- shares the mill's grinding group (an approximation: a new mill makes the old motor's replacement moot, while
--- the totals still count part of it).
function operating.drive_group(plant, item)
  local driven = item.type == "motor" and item.drives ~= nil and operating.item(plant, item.drives) or nil
  if driven ~= nil and driven.type == "air_compressor" then return "compressed-air:" .. driven.id end
  -- A mill motor shares the grinding power with the sector packs' grinding upgrades of the mill it serves.
  if item.type == "motor" and item.driven_load == "mill" and item.serves ~= nil then return "grinding:" .. item.serves end
  return "drive:" .. (driven and driven.id or item.id)
end

--- Severity of an equipment item that fails a product efficiency standard (GB 18613, 20052, 19153, 24500):
--- those standards bind products when they are made and sold, so a unit bought before the edition took force
--- (or of unknown year) is a warning — it should be replaced when it pays or when a catalogue requires it —
--- while a unit bought since then that fails it is critical. Mandatory plant limits stay critical and rank first.
function operating.product_severity(item, limits)
  local row = limits and (limits.current or limits.upcoming) or nil
  if item.year ~= nil and row ~= nil and row.effective ~= nil and item.year >= ediag.year(row.effective) then
    return "critical"
  end
  return "warning"
end

--- The electricity price the plant pays (yuan/kWh): energy.electricity.price, else
--- finance.electricity_price; nil when neither is given.
function operating.electricity_price(plant)
  if plant.energy ~= nil and plant.energy.electricity ~= nil and plant.energy.electricity.price ~= nil then
    return plant.energy.electricity.price
  end
  return plant.finance and plant.finance.electricity_price or nil
end

--- Simple payback (years) of saving `kwh` a year for `investment` yuan at the plant's electricity price;
--- nil when the price is unknown or zero (the host then reports the missing or zero price).
function operating.electricity_payback(plant, investment, kwh)
  local price = operating.electricity_price(plant)
  if price == nil or price <= 0 or kwh <= 0 then return nil end
  return investment / (kwh * price)
end

return operating
