-- Burning-system upgrades: a 4th-generation grate cooler, and more preheater cyclone stages.

local plant_energy = require("plant_energy")

local ORIENTATION = {
  standard = "ediag orientation figures",
  clause = "shared/reference/energy-figures.md §6 has no saving figure for cooler or preheater upgrades (high-efficiency "
    .. "cooler savings: not found); heat saving, cost and life are orientation parameters, not from a cited source",
  confidence = "low",
}
local GB2589 = { standard = "GB/T 2589-2020", clause = "1 kgce = 29 307.6 kJ; fuel coefficients of Appendix A", confidence = "high" }

local function field_path(kiln, field)
  return "process_units[" .. kiln.id .. "]." .. field
end

local function has_waste_heat_power(plant, kiln)
  return kiln.waste_heat_power or ediag.implemented(plant, "waste-heat-power", kiln.id)
end

--- Missing data for a heat-saving measure on a kiln: output, capacity and a known fuel.
local function heat_measure_needs(plant, kiln)
  local needs = {}
  for _, field in ipairs({ "clinker_output", "capacity" }) do
    if kiln[field] == nil then needs[#needs + 1] = field_path(kiln, field) end
  end
  if plant_energy.kiln_fuel(plant, kiln) == nil then
    for _, path in ipairs(plant_energy.kiln_fuel_needs(kiln)) do needs[#needs + 1] = path end
  end
  return needs
end

--- How a heat-saving kiln measure shares the kiln with the others (docs/economics.md, measures that overlap):
--- the cooler, preheater and waste-heat power measures of one kiln form one group. The kiln fuel is the base
--- their fuel savings combine against (heat consumption × output when measured, else the plant's use of the
--- fuel); `lost_kwh` is the waste-heat power a new WHR plant would no longer make once this heat stays in the kiln.
local function kiln_heat_interaction(plant, kiln, fuel, lost_kwh)
  local interaction = { group = "kiln-heat:" .. kiln.id }
  local base = nil
  if kiln.heat_consumption ~= nil then
    base = plant_energy.fuel_for_heat(plant, fuel, kiln.heat_consumption * kiln.clinker_output * 1000)
  elseif plant.energy ~= nil and plant.energy[fuel] ~= nil then
    base = plant.energy[fuel].consumption
  end
  if base ~= nil and base > 0 then interaction.base = { [fuel] = base } end
  if lost_kwh > 0 then interaction.overlap = { electricity = lost_kwh } end
  return interaction
end

-- Coolers a 4th-generation grate cooler replaces, and which heat-saving parameter applies.
local COOLER_UPGRADES = {
  grate_3rd_gen = { saving = "heat_saving_3rd_gen", en = "3rd-generation grate cooler", zh = "第三代篦冷机" },
  grate_2nd_gen = { saving = "heat_saving_older", en = "2nd-generation grate cooler", zh = "第二代篦冷机" },
  planetary = { saving = "heat_saving_older", en = "planetary cooler", zh = "多筒冷却机" },
}

rule {
  id = "cement.cooler-upgrade",
  title = { zh = "第四代篦冷机改造", en = "Clinker cooler upgrade to a 4th-generation grate cooler" },
  sector = "cement",
  category = "saving_measure",
  measure = "cooler-upgrade",
  summary = "A kiln line with a 3rd- or 2nd-generation grate cooler or a planetary cooler recovers less clinker heat as "
    .. "secondary and tertiary air than a 4th-generation (walking-floor) grate cooler; the upgrade lowers the clinker "
    .. "heat consumption and so the kiln fuel. Where the line has waste-heat power, the cooler exhaust air the AQC "
    .. "boiler used carries less heat, so the lost generation is counted against the fuel saving (as for the preheater "
    .. "upgrade); where it has none, that generation is declared as this measure's overlap with a new waste-heat plant "
    .. "(group kiln-heat:<kiln>). The reference has no figure for this saving: the heat savings are "
    .. "orientation parameters and the estimate has low confidence.",
  formula = "heat saved (kJ/a) = saving (kJ/kg clinker) × clinker output (t/a) × 1000; fuel saved (unit/a) = heat ÷ "
    .. "29 307.6 kJ/kgce ÷ kgce per unit of the kiln fuel; electricity lost with waste-heat power (or overlap with a new "
    .. "WHR plant) (kWh/a) = heat × conversion share ÷ 3600; investment = unit cost (yuan per t/d) × capacity (t/d)",
  references = { ORIENTATION, GB2589 },
  parameters = {
    heat_saving_3rd_gen = { default = 80, unit = "kJ/kg", min = 30, max = 150,
                            doc = "Clinker heat saved replacing a 3rd-generation grate cooler — orientation figure, "
                              .. "not from a cited source (low confidence)" },
    heat_saving_older = { default = 170, unit = "kJ/kg", min = 80, max = 300,
                          doc = "Clinker heat saved replacing a 2nd-generation grate or planetary cooler — orientation "
                            .. "figure, not from a cited source (low confidence)" },
    whr_conversion = { default = 0.2, unit = "1", min = 0, max = 0.35,
                       doc = "Share of the heat kept in the kiln that a waste-heat plant would have turned into "
                         .. "electricity (the AQC boiler loses the cooler exhaust heat the new cooler recuperates) — "
                         .. "orientation figure, not from a cited source (low confidence); the same figure as the preheater upgrade's" },
    unit_cost = { default = 6000, unit = "yuan/(t/d)", min = 2000, max = 15000,
                  doc = "Investment per t/d of clinker capacity — orientation figure, not from a cited source (low confidence)" },
    lifetime = { default = 20, unit = "a", min = 10, max = 30,
                 doc = "Economic life of the cooler — orientation figure, not from a cited source (low confidence)" },
  },
  evaluate = function(plant, ctx, params)
    local kilns = ediag.units(plant, "clinker_kiln")
    if #kilns == 0 then
      ctx:not_applicable("the profile lists no clinker_kiln process unit")
      return
    end
    for _, kiln in ipairs(kilns) do
      local upgrade = kiln.cooler_type and COOLER_UPGRADES[kiln.cooler_type]
      if kiln.cooler_type == nil then
        ctx:insufficient_data { subject = kiln.id, needs = { field_path(kiln, "cooler_type") } }
      elseif kiln.cooler_type == "grate_4th_gen" or ediag.implemented(plant, "cooler-upgrade", kiln.id) then
        ctx:not_applicable { subject = kiln.id, reason = "the kiln already has a 4th-generation grate cooler" }
      elseif upgrade == nil then
        ctx:not_applicable { subject = kiln.id, reason = "cooler type '" .. kiln.cooler_type
          .. "' has no saving estimate; assess the cooler on site" }
      else
        local needs = heat_measure_needs(plant, kiln)
        if #needs > 0 then
          ctx:insufficient_data { subject = kiln.id, needs = needs }
        else
          local fuel = plant_energy.kiln_fuel(plant, kiln)
          local per_kg = params[upgrade.saving]
          local heat = per_kg * kiln.clinker_output * 1000
          local fuel_saved = plant_energy.fuel_for_heat(plant, fuel, heat)
          local savings = { [fuel] = fuel_saved }
          local lost_kwh = heat * params.whr_conversion / 3600
          local whr_text = { en = "", zh = "" }
          if has_waste_heat_power(plant, kiln) then
            savings.electricity = -lost_kwh
            whr_text = { en = "; the waste-heat plant's AQC boiler loses about {lost:0} kWh a year", zh = "；余热发电（AQC 锅炉）年减少约 {lost:0} kWh" }
          end
          ctx:recommend {
            subject = kiln.id,
            savings = savings,
            interaction = kiln_heat_interaction(plant, kiln, fuel, has_waste_heat_power(plant, kiln) and 0 or lost_kwh),
            investment = params.unit_cost * kiln.capacity,
            lifetime = params.lifetime,
            confidence = "low",
            message = {
              en = "{kiln} has a {cooler}; a 4th-generation grate cooler recovers about {per_kg} kJ/kg more clinker heat: "
                .. "{fuel_saved:0} {unit} of {fuel} ({heat_tce:0} tce) a year" .. whr_text.en .. " (orientation figure)",
              zh = "{kiln} 采用{cooler_zh}；改为第四代篦冷机约多回收熟料热 {per_kg} kJ/kg，年节约{fuel_zh} {fuel_saved:0} {unit}"
                .. "（{heat_tce:0} tce）" .. whr_text.zh .. "（参考值）",
            },
            values = { kiln = kiln.id, cooler = upgrade.en, cooler_zh = upgrade.zh, per_kg = per_kg, lost = lost_kwh,
                       fuel_saved = fuel_saved, unit = ediag.carrier(fuel).unit, fuel = ediag.carrier(fuel).name_en,
                       fuel_zh = ediag.carrier(fuel).name_zh, heat_tce = plant_energy.tce_of_heat(heat) },
            evidence = {
              { name = "cooler type", value = kiln.cooler_type, source = field_path(kiln, "cooler_type") },
              { name = "clinker output", value = kiln.clinker_output, unit = "t", source = field_path(kiln, "clinker_output") },
              { name = "capacity", value = kiln.capacity, unit = "t/d", source = field_path(kiln, "capacity") },
              { name = "kiln fuel", value = fuel, source = kiln.kiln_fuel and field_path(kiln, "kiln_fuel")
                  or "largest kiln fuel in energy" },
            },
          }
        end
      end
    end
  end,
}

rule {
  id = "cement.preheater-upgrade",
  title = { zh = "预热器增加级数改造", en = "Preheater upgrade to more cyclone stages" },
  sector = "cement",
  category = "saving_measure",
  measure = "preheater-upgrade",
  summary = "A kiln line with fewer than six cyclone stages loses more heat with the preheater exhaust gas; adding "
    .. "stages (typically 5 → 6) lowers the exit-gas temperature and the clinker heat consumption. Where the line has "
    .. "waste-heat power, part of that heat was being turned into electricity, so the lost generation is counted "
    .. "against the fuel saving; without it, that generation is declared as the overlap with a new waste-heat plant "
    .. "(group kiln-heat:<kiln>). The reference has no figure for this saving: orientation parameters, low confidence.",
  formula = "heat saved (kJ/a) = saving per stage (kJ/kg) × stages added × clinker output (t/a) × 1000; fuel saved = "
    .. "heat ÷ 29 307.6 kJ/kgce ÷ kgce per unit; with waste-heat power, electricity lost (kWh/a) = heat × conversion "
    .. "share ÷ 3600; investment = unit cost per stage (yuan per t/d) × stages added × capacity (t/d)",
  references = { ORIENTATION, GB2589 },
  parameters = {
    target_stages = { default = 6, unit = "1", min = 5, max = 6, doc = "Cyclone stages after the upgrade (the design choice of the upgrade, not from a cited source)" },
    heat_saving_per_stage = { default = 70, unit = "kJ/kg", min = 30, max = 120,
                              doc = "Clinker heat saved per added cyclone stage — orientation figure, not from a cited "
                                .. "source (low confidence)" },
    whr_conversion = { default = 0.2, unit = "1", min = 0, max = 0.35,
                       doc = "Share of the heat kept in the kiln that a waste-heat plant would have turned into "
                         .. "electricity — orientation figure, not from a cited source (low confidence)" },
    unit_cost_per_stage = { default = 3500, unit = "yuan/(t/d)", min = 1000, max = 10000,
                            doc = "Investment per added stage per t/d of clinker capacity — orientation figure, not from "
                              .. "a cited source (low confidence)" },
    lifetime = { default = 20, unit = "a", min = 10, max = 30,
                 doc = "Economic life of the preheater — orientation figure, not from a cited source (low confidence)" },
  },
  evaluate = function(plant, ctx, params)
    local kilns = ediag.units(plant, "clinker_kiln")
    if #kilns == 0 then
      ctx:not_applicable("the profile lists no clinker_kiln process unit")
      return
    end
    for _, kiln in ipairs(kilns) do
      if kiln.preheater_stages == nil then
        ctx:insufficient_data { subject = kiln.id, needs = { field_path(kiln, "preheater_stages") } }
      elseif kiln.preheater_stages >= params.target_stages or ediag.implemented(plant, "preheater-upgrade", kiln.id) then
        ctx:not_applicable { subject = kiln.id, reason = "the preheater already has " .. kiln.preheater_stages .. " stages" }
      else
        local needs = heat_measure_needs(plant, kiln)
        if #needs > 0 then
          ctx:insufficient_data { subject = kiln.id, needs = needs }
        else
          local fuel = plant_energy.kiln_fuel(plant, kiln)
          local added = params.target_stages - kiln.preheater_stages
          local heat = params.heat_saving_per_stage * added * kiln.clinker_output * 1000
          local savings = { [fuel] = plant_energy.fuel_for_heat(plant, fuel, heat) }
          local whr = has_waste_heat_power(plant, kiln)
          local lost_kwh = heat * params.whr_conversion / 3600
          if whr then savings.electricity = -lost_kwh end
          local evidence = {
            { name = "cyclone stages", value = kiln.preheater_stages, source = field_path(kiln, "preheater_stages") },
            { name = "clinker output", value = kiln.clinker_output, unit = "t", source = field_path(kiln, "clinker_output") },
            { name = "capacity", value = kiln.capacity, unit = "t/d", source = field_path(kiln, "capacity") },
            { name = "kiln fuel", value = fuel, source = kiln.kiln_fuel and field_path(kiln, "kiln_fuel")
                or "largest kiln fuel in energy" },
          }
          if kiln.preheater_exit_temperature ~= nil then
            evidence[#evidence + 1] = { name = "preheater exit temperature", value = kiln.preheater_exit_temperature,
                                        unit = "°C", source = field_path(kiln, "preheater_exit_temperature") }
          end
          local whr_text = whr and { en = "; the waste-heat plant loses about {lost:0} kWh a year",
                                     zh = "；余热发电年减少约 {lost:0} kWh" } or { en = "", zh = "" }
          ctx:recommend {
            subject = kiln.id,
            savings = savings,
            interaction = kiln_heat_interaction(plant, kiln, fuel, whr and 0 or lost_kwh),
            investment = params.unit_cost_per_stage * added * kiln.capacity,
            lifetime = params.lifetime,
            confidence = "low",
            message = {
              en = "{kiln} has a {stages}-stage preheater; going to {target} stages saves about {per_stage} kJ/kg per stage: "
                .. "{fuel_saved:0} {unit} of {fuel} ({heat_tce:0} tce) a year" .. whr_text.en .. " (orientation figure)",
              zh = "{kiln} 预热器为 {stages} 级；改为 {target} 级每级约节热 {per_stage} kJ/kg，年节约{fuel_zh} {fuel_saved:0} {unit}"
                .. "（{heat_tce:0} tce）" .. whr_text.zh .. "（参考值）",
            },
            values = { kiln = kiln.id, stages = kiln.preheater_stages, target = params.target_stages,
                       per_stage = params.heat_saving_per_stage, fuel_saved = savings[fuel], unit = ediag.carrier(fuel).unit,
                       fuel = ediag.carrier(fuel).name_en, fuel_zh = ediag.carrier(fuel).name_zh,
                       heat_tce = plant_energy.tce_of_heat(heat), lost = lost_kwh },
            evidence = evidence,
          }
        end
      end
    end
  end,
}
