-- Heat supply to users within reach: a pure condensing coal unit takes over their heat (extraction or
-- back-pressure retrofit), or a unit that already supplies heat extends its supply to them, replacing the
-- less efficient boilers that serve them now.

local power_units = require("power_units")

local ORIENTATION = "orientation figure, not from a cited source (low confidence)"
local path = power_units.field_path

-- Heat equivalent of 1 GJ: 34.12 kgce (GB/T 2589-2020 Appendix A, 0.03412 kgce/MJ).
local KGCE_PER_GJ = 34.12

rule {
  id = "power.heat-supply-retrofit",
  title = { zh = "机组供热改造及供热范围扩展", en = "Heat supply to nearby users (retrofit or extension)" },
  sector = "power",
  category = "saving_measure",
  measure = "heat-supply-retrofit",
  summary = "A coal-fired unit with industrial or district heat demand within reach that other boilers now meet can "
    .. "supply that heat instead: a pure condensing unit by an extraction retrofit, at a heat-supply coal rate no worse "
    .. "than the GB 21258-2024 new-build level; a unit that already supplies heat by extending its supply, at its own "
    .. "measured heat-supply coal rate (the new-build level when not measured). The unit burns more coal; the boilers "
    .. "it replaces burn less fuel. Nothing is proposed when the unit's heat is no cheaper in coal than the boilers'.",
  formula = "extra unit coal (tce/a) = heat × heat-supply coal rate / 1000 (measured rate for a unit already supplying "
    .. "heat); fuel displaced (tce/a) = heat × 34.12 / boiler efficiency / 1000; net saving = displaced − extra; "
    .. "investment = unit cost × annual heat",
  references = {
    { standard = "GB 21258-2024", clause = "Table 1 heat-supply coal rate grade 2 = 40.5 kgce/GJ (shared/reference §1.3)", confidence = "high" },
    { standard = "GB 24500-2020", clause = "grate bituminous-II coal boilers ≤ 20 t/h, grade 3 design efficiency 80 % (shared/reference §5.5)",
      confidence = "high" },
    { standard = "GB/T 2589-2020 Appendix A", clause = "heat 0.03412 kgce/MJ (shared/reference §3.1)", confidence = "high" },
    { standard = "产业结构调整指导目录（2024年本）", clause = "coal boilers ≤ 10 t/h are to be eliminated (shared/reference §5.6)", confidence = "high" },
  },
  parameters = {
    heat_coal_rate = { default = 40.5, unit = "kgce/GJ", min = 38, max = 42.5,
                       doc = "Heat-supply coal rate of the retrofitted unit",
                       source = "GB 21258-2024 Table 1 grade 2 (new-build level), 40.5 kgce/GJ (ECQ, H)" },
    boiler_efficiency = { default = 80, unit = "%", min = 50, max = 95,
                          doc = "Efficiency of the boilers now serving the heat users, when the profile gives none (the design minimum of grade 3; operating efficiency is usually lower, so the saving is conservative)",
                          source = "GB 24500-2020 grade 3, grate bituminous-II coal boilers ≤ 20 t/h: 80 % (EQE, H)" },
    unit_cost = { default = 25, unit = "yuan/GJ", min = 5, max = 80,
                  doc = "Extraction retrofit and heat network per GJ of annual heat supplied — " .. ORIENTATION },
    lifetime = { default = 20, unit = "a", min = 10, max = 30, doc = "Life of the retrofit and network — " .. ORIENTATION },
  },
  applies = power_units.has_coal_unit,
  evaluate = function(plant, ctx, params)
    for _, unit in ipairs(ediag.units(plant, "power_unit")) do
      if ediag.implemented(plant, "heat-supply-retrofit", unit.id) then
        ctx:not_applicable { subject = unit.id, reason = "the heat-supply retrofit has been done" }
      elseif unit.nearby_heat_demand == nil or unit.nearby_heat_demand == 0 then
        ctx:not_applicable { subject = unit.id,
          reason = "no heat demand within reach is recorded (process_units[" .. unit.id .. "].nearby_heat_demand)" }
      else
        local fuel = unit.nearby_heat_source_fuel or "raw_coal"
        local efficiency = unit.nearby_heat_source_efficiency or params.boiler_efficiency
        local heat = unit.nearby_heat_demand
        local supplies_heat = unit.heat_supply ~= nil and unit.heat_supply > 0
        local rate = supplies_heat and unit.heat_supply_coal_rate or params.heat_coal_rate
        local extra_tce = heat * rate / 1000
        local displaced_tce = heat * KGCE_PER_GJ / (efficiency / 100) / 1000
        if displaced_tce <= extra_tce then
          ctx:not_applicable { subject = unit.id, reason = string.format("the unit's heat (%.1f kgce/GJ) is no cheaper in coal "
            .. "than the boilers' (%.1f kgce/GJ)", rate, KGCE_PER_GJ / (efficiency / 100)) }
        else
          local savings = {}
          savings[fuel] = displaced_tce * 1000 / power_units.kgce_per_unit(plant, fuel)
          local unit_fuel = power_units.fuel(unit)
          savings[unit_fuel] = (savings[unit_fuel] or 0) - power_units.fuel_for_tce(plant, unit, extra_tce)
          ctx:recommend {
            subject = unit.id,
            savings = savings,
            investment = params.unit_cost * heat,
            lifetime = params.lifetime,
            confidence = "low",
            message = supplies_heat and {
              en = "{unit} already supplies heat while {heat:0} GJ a year is raised nearby in boilers of {eff:0}% efficiency; "
                .. "extending its supply at {rate} kgce/GJ saves {net:0} tce a year ({displaced:0} tce displaced, {extra:0} tce more at the unit)",
              zh = "{unit} 已对外供热，周边仍有年 {heat:0} GJ 热负荷由效率 {eff:0}% 的锅炉供应；扩大机组供热范围（{rate} kgce/GJ）"
                .. "年净节约 {net:0} tce（替代 {displaced:0} tce，机组增耗 {extra:0} tce）",
            } or {
              en = "{unit} supplies no heat while {heat:0} GJ a year is raised nearby in boilers of {eff:0}% efficiency; "
                .. "supplying it at {rate} kgce/GJ saves {net:0} tce a year ({displaced:0} tce displaced, {extra:0} tce more at the unit)",
              zh = "{unit} 为纯凝机组，周边年 {heat:0} GJ 热负荷由效率 {eff:0}% 的锅炉供应；改为机组供热（{rate} kgce/GJ）"
                .. "年净节约 {net:0} tce（替代 {displaced:0} tce，机组增耗 {extra:0} tce）",
            },
            values = { unit = unit.id, heat = heat, eff = efficiency, rate = rate,
                       net = displaced_tce - extra_tce, displaced = displaced_tce, extra = extra_tce },
            evidence = {
              { name = "nearby heat demand", value = heat, unit = "GJ", source = path(unit, "nearby_heat_demand") },
              { name = "efficiency of the boilers replaced", value = efficiency, unit = "%",
                source = unit.nearby_heat_source_efficiency and path(unit, "nearby_heat_source_efficiency") or "parameter boiler_efficiency" },
              { name = "fuel of the boilers replaced", value = fuel,
                source = unit.nearby_heat_source_fuel and path(unit, "nearby_heat_source_fuel") or "assumed raw coal" },
            },
          }
        end
      end
    end
  end,
}
