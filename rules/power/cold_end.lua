-- Cold-end measure on coal-fired units: bring the condenser back pressure back to its design value
-- (tube cleaning, air-leak sealing, vacuum-pump and cooling-tower repair).

local power_units = require("power_units")

local ORIENTATION = "orientation figure, not from a cited source (low confidence)"
local path = power_units.field_path

rule {
  id = "power.condenser-vacuum",
  title = { zh = "凝汽器真空（冷端）治理", en = "Condenser vacuum improvement (cold end)" },
  sector = "power",
  category = "saving_measure",
  measure = "condenser-vacuum",
  summary = "A coal-fired unit whose condenser back pressure is above its design value at the same cooling-water "
    .. "temperature loses output on every kWh: fouled tubes, air in-leakage, worn vacuum pumps or a degraded cooling "
    .. "tower. Restoring design back pressure lowers the supply coal rate by a per-kPa sensitivity that is larger for "
    .. "wet-cooled than for air-cooled units.",
  formula = "Δb (gce/kWh) = (measured − design back pressure) (kPa) × sensitivity (wet or air cooling), when the excess "
    .. "> threshold; coal saved = Δb × electricity supplied; investment = unit cost × capacity",
  references = {
    { standard = "GB 21258-2024", clause = "supply coal rate (供电煤耗率) as the measure of unit efficiency", confidence = "high" },
    { standard = "shared/reference/energy-figures.md §6", clause = "no cited figures for condenser measures: orientation parameters",
      confidence = "low" },
  },
  parameters = {
    threshold = { default = 0.5, unit = "kPa", min = 0.1, max = 3,
                  doc = "Back-pressure excess over design below which nothing is proposed — " .. ORIENTATION },
    sensitivity_wet = { default = 2.5, unit = "gce/kWh", min = 1, max = 4,
                        doc = "Supply coal rate per kPa of back pressure, wet-cooled unit — " .. ORIENTATION },
    sensitivity_air = { default = 1.2, unit = "gce/kWh", min = 0.5, max = 2.5,
                        doc = "Supply coal rate per kPa of back pressure, air-cooled unit — " .. ORIENTATION },
    unit_cost = { default = 15, unit = "yuan/kW", min = 5, max = 50,
                  doc = "Cost of cleaning, sealing and vacuum-pump work per kW of capacity — " .. ORIENTATION },
    lifetime = { default = 8, unit = "a", min = 3, max = 15, doc = "Life of the cold-end repair — " .. ORIENTATION },
  },
  applies = power_units.has_coal_unit,
  evaluate = function(plant, ctx, params)
    for _, unit in ipairs(ediag.units(plant, "power_unit")) do
      if ediag.implemented(plant, "condenser-vacuum", unit.id) then
        ctx:not_applicable { subject = unit.id, reason = "condenser vacuum work has already been done" }
      else
        local supplied, needs = power_units.supplied_and_missing(unit, { "condenser_vacuum", "design_back_pressure", "cooling", "capacity" })
        if #needs > 0 then
          ctx:insufficient_data { subject = unit.id, needs = needs }
        else
          local excess = unit.condenser_vacuum - unit.design_back_pressure
          if excess > params.threshold then
            local sensitivity = unit.cooling == "air" and params.sensitivity_air or params.sensitivity_wet
            local cut = excess * sensitivity
            local tce = power_units.tce_of_rate_cut(cut, supplied)
            ctx:recommend {
              subject = unit.id,
              savings = { [power_units.fuel(unit)] = power_units.fuel_for_tce(plant, unit, tce) },
              interaction = power_units.interaction(plant, unit),
              investment = params.unit_cost * unit.capacity * 1000,
              lifetime = params.lifetime,
              confidence = "low",
              message = {
                en = "{unit}: condenser back pressure {p:2} kPa is {excess:2} kPa above design ({design:2} kPa); restoring it "
                  .. "cuts about {cut:2} gce/kWh, {tce:0} tce a year",
                zh = "{unit}：凝汽器背压 {p:2} kPa，高于设计值 {design:2} kPa 达 {excess:2} kPa；恢复设计真空约降低供电煤耗 "
                  .. "{cut:2} gce/kWh，年节约 {tce:0} tce",
              },
              values = { unit = unit.id, p = unit.condenser_vacuum, design = unit.design_back_pressure, excess = excess,
                         cut = cut, tce = tce },
              evidence = {
                { name = "condenser back pressure", value = unit.condenser_vacuum, unit = "kPa", source = path(unit, "condenser_vacuum") },
                { name = "design back pressure", value = unit.design_back_pressure, unit = "kPa", source = path(unit, "design_back_pressure") },
                { name = "cooling", value = unit.cooling, source = path(unit, "cooling") },
                { name = "electricity supplied", value = supplied, unit = "kWh", source = power_units.supplied_source(unit) },
              },
            }
          end
        end
      end
    end
  end,
}
