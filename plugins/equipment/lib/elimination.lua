-- Matching equipment against the elimination catalogues (data table equipment.elimination-catalogue):
-- shared by the catalogue rule, which reports the match, and the replacement measures, which must not call
-- "replace at the end of its life" a unit the catalogue says must go now.

local operating = require("operating")

local elimination = {}

local CATALOGUE = "equipment.elimination-catalogue"
elimination.CATALOGUE = CATALOGUE

--- A model as the catalogue patterns read it: upper case, without spaces.
local function normalised_model(model)
  return (string.gsub(string.upper(model), "%s", ""))
end

--- Whether a model is one of an entry's series (and, for frame-limited series, within the frames).
local function model_in_series(entry, model)
  for _, pattern in ipairs(entry.models) do
    local captured = string.match(model, pattern)
    if captured ~= nil then
      if entry.model_range == nil then return true end
      local frame = tonumber(captured)
      if frame ~= nil and frame >= entry.model_range[1] and frame <= entry.model_range[2] then return true end
    end
  end
  return false
end

--- Whether an item meets a catalogue condition: true, false, or nil when the field is not given.
local function meets(item, condition)
  local value = item[condition.field]
  if value == nil then return nil end
  if condition.equals ~= nil then return value == condition.equals end
  if condition.max ~= nil and value > condition.max then return false end
  if condition.min ~= nil and value < condition.min then return false end
  return true
end

--- The catalogue's entries for one equipment type, in catalogue order (grouped once: data tables never change).
local entries_by_type = nil
local NO_ENTRIES = {}
local function entries_for(equipment_type)
  if entries_by_type == nil then
    local grouped = {}
    for _, entry in ipairs(ediag.data(CATALOGUE).data) do
      if entry.equipment ~= nil then
        local list = grouped[entry.equipment]
        if list == nil then
          list = {}
          grouped[entry.equipment] = list
        end
        list[#list + 1] = entry
      end
    end
    entries_by_type = grouped
  end
  return entries_by_type[equipment_type] or NO_ENTRIES
end

--- The catalogue entries an item is on, and the fields that would decide the entries it may be on.
function elimination.matches(plant, item)
  local matched, needs, asked = {}, {}, {}
  local function ask(field)
    if not asked[field] then
      asked[field] = true
      needs[#needs + 1] = operating.path(item, field)
    end
  end
  local model = item.model ~= nil and normalised_model(item.model) or nil
  local date = plant.assessment.date
  for _, entry in ipairs(entries_for(item.type)) do
    if date >= entry.listed then
      local candidate = true
      if entry.models ~= nil then
        if model == nil then
          ask("model")
          candidate = false
        else
          candidate = model_in_series(entry, model)
        end
      end
      if candidate then
        local decided = true
        for _, condition in ipairs(entry.conditions or {}) do
          local ok = meets(item, condition)
          if ok == false then
            candidate = false
            break
          elseif ok == nil then
            decided = false
            ask(condition.field)
          end
        end
        if candidate and decided then matched[#matched + 1] = entry end
      end
    end
  end
  return matched, needs
end

--- Whether the item is on at least one elimination catalogue entry in force on the assessment date.
function elimination.listed(plant, item)
  return #elimination.matches(plant, item) > 0
end

return elimination
