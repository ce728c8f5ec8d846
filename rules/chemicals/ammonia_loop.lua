-- Ammonia synthesis-loop modernisation: low-pressure catalyst, loop waste-heat recovery and
-- purge-gas hydrogen recovery cut the feedstock-and-fuel energy per t ammonia.

local chemical_limits = require("chemical_limits")
local plant_heat = require("plant_heat")

local field = chemical_limits.field

--- The carrier that a saving of ammonia feedstock-and-fuel energy is counted in: natural gas for gas
--- plants; for coal plants the coal carrier the profile uses most (raw coal when it lists none).
local function feedstock_carrier(plant, unit)
  if unit.feedstock == "natural_gas" then return "natural_gas" end
  local chosen, largest = "raw_coal", -1
  for _, carrier in ipairs({ "raw_coal", "washed_coal" }) do
    local use = plant.energy and plant.energy[carrier]
    if use ~= nil then
      local kgce = use.consumption * plant_heat.kgce_per_unit(plant, carrier)
      if kgce > largest then chosen, largest = carrier, kgce end
    end
  end
  return chosen
end

--- The GB 21344-2023 grade-1 value for the unit's feedstock (the edition in force, else the upcoming one).
local function grade_one(unit)
  local limits = ediag.limits("chemicals.ammonia-energy", { feedstock = unit.feedstock })
  local row = limits.current or limits.upcoming
  return row and row.grade1 or nil, row
end

rule {
  id = "chemicals.ammonia-synthesis-loop",
  title = { zh = "合成氨合成回路节能改造", en = "Ammonia synthesis-loop modernisation" },
  sector = "chemicals",
  category = "saving_measure",
  measure = "ammonia-synthesis-loop",
  summary = "An ammonia unit whose synthesis loop has not been modernised and whose energy is above the GB 21344-2023 "
    .. "grade-1 value can save part of the gap with a low-pressure catalyst, loop heat recovery and purge-gas hydrogen "
    .. "recovery; the saving is counted in the feedstock carrier and never beyond grade 1.",
  formula = "saving (kgce/t) = min(loop saving, measured energy − grade-1 value); feedstock saved = saving × output / "
    .. "kgce per unit of the carrier; investment = unit cost (yuan per t/a) × capacity (t/a)",
  references = {
    { standard = "GB 21344-2023", clause = "ammonia grade-1 values by feedstock cap the saving (shared/reference §1.5)", confidence = "high" },
    { standard = "ediag orientation parameters", clause = "loop saving per t and cost are not in shared/reference (low confidence)",
      confidence = "low" },
  },
  parameters = {
    loop_saving = { default = 40, unit = "kgce/t", min = 10, max = 120,
      doc = "Energy a loop modernisation saves per t ammonia — orientation figure, not from a cited source (low confidence)" },
    unit_cost = { default = 120, unit = "yuan/(t/a)", min = 40, max = 400,
      doc = "Retrofit cost per t/a of ammonia capacity — orientation figure, not from a cited source (low confidence)" },
    lifetime = { default = 15, unit = "a", min = 8, max = 25,
      doc = "Economic life — orientation figure, not from a cited source (low confidence)" },
  },
  applies = function(plant)
    if #ediag.units(plant, "ammonia") == 0 then return false, "no ammonia process unit" end
    return true
  end,
  evaluate = function(plant, ctx, params)
    for _, unit in ipairs(ediag.units(plant, "ammonia")) do
      if unit.synthesis_loop_upgraded or ediag.implemented(plant, "ammonia-synthesis-loop", unit.id) then
        ctx:not_applicable { subject = unit.id, reason = "the synthesis loop has already been modernised" }
      else
        local needs = {}
        for _, name in ipairs({ "feedstock", "comprehensive_energy", "output", "capacity" }) do
          if unit[name] == nil then needs[#needs + 1] = field(unit, name) end
        end
        if #needs > 0 then
          ctx:insufficient_data { subject = unit.id, needs = needs }
        else
          local best, row = grade_one(unit)
          if best == nil then
            ctx:not_applicable { subject = unit.id, reason = "no GB 21344-2023 grade-1 value for this feedstock" }
          elseif unit.comprehensive_energy <= best then
            ctx:not_applicable { subject = unit.id, reason = "the unit is at the GB 21344-2023 grade-1 level already" }
          else
            local per_tonne = math.min(params.loop_saving, unit.comprehensive_energy - best)
            local carrier = feedstock_carrier(plant, unit)
            local amount = per_tonne * unit.output / plant_heat.kgce_per_unit(plant, carrier)
            ctx:recommend {
              subject = unit.id,
              savings = { [carrier] = amount },
              investment = params.unit_cost * unit.capacity,
              lifetime = params.lifetime,
              confidence = "low",
              message = {
                en = "{unit} at {energy:0} kgce/t (grade 1: {best:0}): modernising the synthesis loop saves about {per_t:1} kgce/t, "
                  .. "{amount:0} {carrier_unit} of {carrier} a year",
                zh = "{unit} 综合能耗 {energy:0} kgce/t（1级 {best:0}）：合成回路改造约节能 {per_t:1} kgce/t，年节约 {carrier} {amount:0} {carrier_unit}",
              },
              values = { unit = unit.id, energy = unit.comprehensive_energy, best = best, per_t = per_tonne, amount = amount,
                         carrier = carrier, carrier_unit = ediag.carrier(carrier).unit },
              evidence = {
                { name = "comprehensive energy", value = unit.comprehensive_energy, unit = "kgce/t", source = field(unit, "comprehensive_energy") },
                { name = "grade-1 value", value = best, unit = "kgce/t", source = row.standard },
                { name = "output", value = unit.output, unit = "t", source = field(unit, "output") },
                { name = "carrier saved", value = carrier, source = "feedstock " .. unit.feedstock },
              },
            }
          end
        end
      end
    end
  end,
}
