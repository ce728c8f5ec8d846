-- Steam-turbine measures on coal-fired units: flow-path retrofit where the measured heat rate has
-- drifted above design, and sliding-pressure operation for units that run long at part load.

local power_units = require("power_units")

local ORIENTATION = "orientation figure, not from a cited source (low confidence)"
local REFERENCE_NOTE = { standard = "shared/reference/energy-figures.md §6",
                         clause = "no cited figures for power-plant turbine measures: savings, costs and lives are orientation parameters",
                         confidence = "low" }
local GB21258 = { standard = "GB 21258-2024", clause = "supply coal rate (供电煤耗率) as the measure of unit efficiency", confidence = "high" }

local path = power_units.field_path

-- How the pressure modes read in messages (the optimised mode is never proposed).
local PRESSURE_MODE_NAMES = {
  constant = { en = "constant", zh = "定压" },
  sliding = { en = "sliding (untested curve)", zh = "滑压（曲线未经试验优化）" },
}

--- The fuel saved when the supply coal rate of `unit` falls by `gce_per_kwh` on `supplied` kWh.
local function fuel_saving(plant, unit, gce_per_kwh, supplied)
  local tce = power_units.tce_of_rate_cut(gce_per_kwh, supplied)
  return { [power_units.fuel(unit)] = power_units.fuel_for_tce(plant, unit, tce) }, tce
end

rule {
  id = "power.turbine-flow-path-retrofit",
  title = { zh = "汽轮机通流部分改造", en = "Steam-turbine flow-path retrofit" },
  sector = "power",
  category = "saving_measure",
  measure = "turbine-flow-path-retrofit",
  summary = "A coal-fired unit whose measured turbine heat rate is well above its design value has worn or outdated "
    .. "blading and seals; a flow-path retrofit (new high-efficiency blades, seals, sometimes a new inner casing) "
    .. "recovers most of the gap. The supply coal rate falls in proportion to the heat rate.",
  formula = "Δb (gce/kWh) = supply coal rate × recovery × (measured − design heat rate) / measured heat rate, when "
    .. "(measured − design) / design > threshold; coal saved = Δb × electricity supplied; investment = unit cost × capacity",
  references = { GB21258, REFERENCE_NOTE },
  parameters = {
    threshold = { default = 3, unit = "%", min = 1, max = 10,
                  doc = "Heat-rate excess over design above which a retrofit is proposed — " .. ORIENTATION },
    recovery = { default = 0.8, unit = "1", min = 0.3, max = 1.2,
                 doc = "Share of the heat-rate gap to design that the retrofit recovers — " .. ORIENTATION },
    unit_cost = { default = 200, unit = "yuan/kW", min = 80, max = 500,
                  doc = "Retrofit cost per kW of unit capacity — " .. ORIENTATION },
    lifetime = { default = 20, unit = "a", min = 10, max = 30, doc = "Economic life of the new flow path — " .. ORIENTATION },
  },
  applies = power_units.has_coal_unit,
  evaluate = function(plant, ctx, params)
    for _, unit in ipairs(ediag.units(plant, "power_unit")) do
      if power_units.done(plant, unit, "turbine-flow-path-retrofit", "flow_path_retrofitted") then
        ctx:not_applicable { subject = unit.id, reason = "the turbine flow path has already been retrofitted" }
      else
        local supplied, needs = power_units.supplied_and_missing(unit, { "turbine_heat_rate", "design_heat_rate", "supply_coal_rate", "capacity" })
        if #needs > 0 then
          ctx:insufficient_data { subject = unit.id, needs = needs }
        else
          local excess = (unit.turbine_heat_rate - unit.design_heat_rate) / unit.design_heat_rate * 100
          if excess > params.threshold then
            local cut = unit.supply_coal_rate * params.recovery * (unit.turbine_heat_rate - unit.design_heat_rate) / unit.turbine_heat_rate
            local savings, tce = fuel_saving(plant, unit, cut, supplied)
            ctx:recommend {
              subject = unit.id,
              savings = savings,
              interaction = power_units.interaction(plant, unit),
              investment = params.unit_cost * unit.capacity * 1000,
              lifetime = params.lifetime,
              confidence = "low",
              message = {
                en = "{unit}: turbine heat rate {hr:0} kJ/kWh is {excess:1}% above design ({design:0}); a flow-path retrofit "
                  .. "recovering {recovery:0}% of the gap cuts the supply coal rate by {cut:2} gce/kWh, {tce:0} tce a year",
                zh = "{unit}：汽轮机热耗率 {hr:0} kJ/kWh，高于设计值 {design:0} 达 {excess:1}%；通流改造回收 {recovery:0}% 差距，"
                  .. "供电煤耗降低 {cut:2} gce/kWh，年节约 {tce:0} tce",
              },
              values = { unit = unit.id, hr = unit.turbine_heat_rate, design = unit.design_heat_rate, excess = excess,
                         recovery = params.recovery * 100, cut = cut, tce = tce },
              evidence = {
                { name = "turbine heat rate", value = unit.turbine_heat_rate, unit = "kJ/kWh", source = path(unit, "turbine_heat_rate") },
                { name = "design heat rate", value = unit.design_heat_rate, unit = "kJ/kWh", source = path(unit, "design_heat_rate") },
                { name = "supply coal rate", value = unit.supply_coal_rate, unit = "gce/kWh", source = path(unit, "supply_coal_rate") },
                { name = "electricity supplied", value = supplied, unit = "kWh", source = power_units.supplied_source(unit) },
              },
            }
          end
        end
      end
    end
  end,
}

rule {
  id = "power.sliding-pressure-optimisation",
  title = { zh = "滑压运行优化", en = "Sliding-pressure operation at part load" },
  sector = "power",
  category = "saving_measure",
  measure = "sliding-pressure-optimisation",
  summary = "A coal-fired unit that runs at part load with constant main-steam pressure loses efficiency in the "
    .. "throttled governing valves; sliding the pressure with load along a tested optimum curve lowers the heat rate. "
    .. "The gain grows with the distance below full load; a unit already sliding on an untested curve gets part of it.",
  formula = "Δb (gce/kWh) = sensitivity × (load threshold − average load) × (1 for constant pressure, share for "
    .. "untested sliding pressure); coal saved = Δb × electricity supplied; investment = unit cost × capacity",
  references = { GB21258, REFERENCE_NOTE },
  parameters = {
    load_threshold = { default = 85, unit = "%", min = 60, max = 95,
                       doc = "Average load below which sliding pressure pays — " .. ORIENTATION },
    sensitivity = { default = 0.1, unit = "gce/kWh", min = 0.03, max = 0.3,
                    doc = "Supply coal rate saved per percentage point of average load below the threshold — " .. ORIENTATION },
    sliding_share = { default = 0.5, unit = "1", min = 0, max = 1,
                      doc = "Share of the gain left for a unit already sliding on an untested curve — " .. ORIENTATION },
    unit_cost = { default = 1, unit = "yuan/kW", min = 0.3, max = 5,
                  doc = "Cost of the tests and control-curve changes per kW of capacity — " .. ORIENTATION },
    lifetime = { default = 10, unit = "a", min = 5, max = 20, doc = "Life of the optimised control curve — " .. ORIENTATION },
  },
  applies = power_units.has_coal_unit,
  evaluate = function(plant, ctx, params)
    for _, unit in ipairs(ediag.units(plant, "power_unit")) do
      if unit.pressure_mode == "optimised_sliding" or ediag.implemented(plant, "sliding-pressure-optimisation", unit.id) then
        ctx:not_applicable { subject = unit.id, reason = "the unit already runs on an optimised sliding-pressure curve" }
      else
        local load, load_needs = power_units.load_rate(unit)
        local supplied, supply_needs = power_units.supplied(unit)
        local needs = power_units.missing(unit, { "pressure_mode", "capacity" })
        if load == nil then power_units.append(needs, load_needs) end
        if supplied == nil then power_units.append(needs, supply_needs) end
        if #needs > 0 then
          ctx:insufficient_data { subject = unit.id, needs = needs }
        elseif load < params.load_threshold then
          local share = unit.pressure_mode == "constant" and 1 or params.sliding_share
          local cut = params.sensitivity * (params.load_threshold - load) * share
          local savings, tce = fuel_saving(plant, unit, cut, supplied)
          ctx:recommend {
            subject = unit.id,
            savings = savings,
            interaction = power_units.interaction(plant, unit),
            investment = params.unit_cost * unit.capacity * 1000,
            lifetime = params.lifetime,
            confidence = "low",
            message = {
              en = "{unit} runs at {load:1}% average load with {mode_en} pressure; sliding pressure on an optimised curve "
                .. "cuts about {cut:2} gce/kWh, {tce:0} tce a year",
              zh = "{unit} 平均负荷率 {load:1}%，{mode_zh}运行；优化滑压曲线可降低供电煤耗约 {cut:2} gce/kWh，年节约 {tce:0} tce",
            },
            values = { unit = unit.id, load = load, mode_en = PRESSURE_MODE_NAMES[unit.pressure_mode].en,
                       mode_zh = PRESSURE_MODE_NAMES[unit.pressure_mode].zh, cut = cut, tce = tce },
            evidence = {
              { name = "average load rate", value = load, unit = "%", source = unit.average_load_rate and path(unit, "average_load_rate")
                  or "generation ÷ (capacity × operating_hours)" },
              { name = "pressure mode", value = unit.pressure_mode, source = path(unit, "pressure_mode") },
              { name = "electricity supplied", value = supplied, unit = "kWh", source = power_units.supplied_source(unit) },
            },
          }
        end
      end
    end
  end,
}
