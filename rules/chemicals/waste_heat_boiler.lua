-- Waste-heat boilers on hot process off-gas: the heat given up between the gas temperature and the
-- lowest allowed outlet temperature raises steam that replaces purchased or boiler steam.

local chemical_limits = require("chemical_limits")
local plant_heat = require("plant_heat")
local unit_hours = require("unit_hours")

local field = chemical_limits.field

--- Heat (kJ/a) a boiler recovers from a stream cooled from its temperature to the outlet temperature.
local function recoverable_heat(source, outlet, hours, params)
  return source.gas_flow * params.gas_heat_capacity * (source.gas_temperature - outlet) * hours
    * params.recovery_efficiency
end

rule {
  id = "chemicals.waste-heat-boiler",
  title = { zh = "工艺尾气余热锅炉", en = "Waste-heat boiler on hot process off-gas" },
  sector = "chemicals",
  category = "saving_measure",
  measure = "waste-heat-boiler",
  summary = "A hot off-gas stream (furnace, reformer, molten-salt heater, incinerator) above the minimum temperature "
    .. "and without a waste-heat boiler can raise steam from the heat between its temperature and the allowed outlet "
    .. "temperature; the steam replaces purchased steam or boiler fuel.",
  formula = "heat (kJ/a) = flow (m3/h) × cp (kJ/(m3·K)) × (T_gas − T_outlet) × hours × recovery efficiency; steam (t/a) = "
    .. "heat / 3763 kJ/kg; investment = unit cost (yuan per t/h of steam) × steam (t/a) / hours",
  references = {
    { standard = "ediag orientation parameters", clause = "gas heat capacity, outlet temperature, recovery efficiency, "
      .. "minimum temperature and cost are not in shared/reference (low confidence)", confidence = "low" },
    { standard = "GB/T 2589-2020", clause = "low-pressure steam 3763 kJ/kg (shared/reference §3.1)", confidence = "high" },
  },
  parameters = {
    gas_heat_capacity = { default = 1.40, unit = "kJ/(m3*K)", min = 1.25, max = 1.6,
      doc = "Mean heat capacity of flue gas per standard m3 — orientation figure, not from a cited source (low confidence)" },
    outlet_temperature = { default = 180, unit = "°C", min = 100, max = 300,
      doc = "Gas outlet temperature when the profile gives none (dew-point margin) — orientation figure, not from a cited source (low confidence)" },
    minimum_gas_temperature = { default = 350, unit = "°C", min = 250, max = 600,
      doc = "Gas temperature below which a boiler is not proposed — orientation figure, not from a cited source (low confidence)" },
    recovery_efficiency = { default = 0.9, unit = "1", min = 0.7, max = 0.98,
      doc = "Share of the gas heat that reaches the steam (shell and blow-down losses) — orientation figure, not from a cited source (low confidence)" },
    unit_cost = { default = 300000, unit = "yuan/(t/h)", min = 100000, max = 800000,
      doc = "Installed cost per t/h of steam raised — orientation figure, not from a cited source (low confidence)" },
    lifetime = { default = 15, unit = "a", min = 8, max = 25,
      doc = "Economic life — orientation figure, not from a cited source (low confidence)" },
  },
  applies = function(plant)
    if #ediag.units(plant, "waste_heat_source") == 0 then return false, "no waste_heat_source process unit" end
    return true
  end,
  evaluate = function(plant, ctx, params)
    for _, source in ipairs(ediag.units(plant, "waste_heat_source")) do
      local outlet = source.outlet_temperature or params.outlet_temperature
      if source.waste_heat_boiler or ediag.implemented(plant, "waste-heat-boiler", source.id) then
        ctx:not_applicable { subject = source.id, reason = "a waste-heat boiler already recovers this stream" }
      elseif source.gas_flow == nil or source.gas_temperature == nil or source.hours == nil then
        local needs = {}
        for _, name in ipairs({ "gas_flow", "gas_temperature", "hours" }) do
          if source[name] == nil then needs[#needs + 1] = field(source, name) end
        end
        ctx:insufficient_data { subject = source.id, needs = needs }
      elseif source.gas_temperature < params.minimum_gas_temperature or source.gas_temperature <= outlet then
        ctx:not_applicable { subject = source.id, reason = "the gas (" .. source.gas_temperature .. " °C) is below the "
          .. params.minimum_gas_temperature .. " °C a waste-heat boiler needs" }
      elseif source.hours <= 0 then
        ctx:not_applicable { subject = source.id, reason = "the stream is not available any hour of the year" }
      else
        local hours, hours_source = unit_hours.held(source)
        local heat = recoverable_heat(source, outlet, hours, params)
        local steam = plant_heat.steam_for_heat(heat)
        local savings, evidence, interaction = plant_heat.steam_savings(plant, source.serves or source.id, steam)
        if savings == nil then
          ctx:insufficient_data { subject = source.id, needs = evidence }
        else
          local steam_rate = steam / hours
          table.insert(evidence, 1, { name = "gas flow", value = source.gas_flow, unit = "m3/h", source = field(source, "gas_flow") })
          table.insert(evidence, 2, { name = "gas temperature", value = source.gas_temperature, unit = "°C",
                                      source = field(source, "gas_temperature") })
          table.insert(evidence, 3, { name = "outlet temperature", value = outlet, unit = "°C",
                                      source = source.outlet_temperature and field(source, "outlet_temperature")
                                        or "parameter outlet_temperature (orientation)" })
          table.insert(evidence, 4, { name = "steam raised", value = steam, unit = "t/a", source = "heat / 3763 kJ/kg" })
          table.insert(evidence, 5, { name = "hours available", value = hours, unit = "h/a", source = hours_source })
          ctx:recommend {
            subject = source.id,
            savings = savings,
            interaction = interaction,
            investment = params.unit_cost * steam_rate,
            lifetime = params.lifetime,
            confidence = "low",
            message = {
              en = "{unit}: {flow:0} m3/h of gas at {temp:0} °C leaves without heat recovery; a waste-heat boiler cooling it to "
                .. "{outlet:0} °C raises about {steam:0} t steam a year ({rate:1} t/h)",
              zh = "{unit}：{flow:0} m3/h、{temp:0} °C 的尾气未回收余热；设余热锅炉降温至 {outlet:0} °C，年产蒸汽约 {steam:0} t（{rate:1} t/h）",
            },
            values = { unit = source.id, flow = source.gas_flow, temp = source.gas_temperature, outlet = outlet,
                       steam = steam, rate = steam_rate },
            evidence = evidence,
          }
        end
      end
    end
  end,
}
