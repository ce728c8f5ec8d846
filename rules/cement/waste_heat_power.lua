-- Pure low-temperature waste-heat power generation on new-dry-process clinker lines.

rule {
  id = "cement.waste-heat-power",
  title = { zh = "纯低温余热发电", en = "Low-temperature waste-heat power generation" },
  sector = "cement",
  category = "saving_measure",
  measure = "waste-heat-power",
  summary = "A kiln line without waste-heat power can generate about 25 kWh per t clinker from preheater and cooler "
    .. "exhaust; the electricity generated replaces purchased power.",
  formula = "electricity saved (kWh/a) = generation (kWh/t clinker) × clinker output (t/a); "
    .. "investment = unit cost (yuan per t/d of capacity) × capacity (t/d)",
  references = {
    { standard = "Cement pure low-temperature waste-heat power generation, technical forum (nettplinkrepeater.net, 2009)",
      clause = "20–30 kWh/t clinker; 5000 t/d line ≈ 50 M yuan; payback 3–4 years", confidence = "medium" },
    { standard = "qiqiwenku doc 726486", clause = "WHR cuts clinker-making power ≈ 60 %", confidence = "medium" },
  },
  parameters = {
    generation = { default = 25, unit = "kWh/t", min = 15, max = 35,
                   doc = "Net generation per t clinker (midpoint of 20–30 kWh/t)",
                   source = "nettplinkrepeater.net forum 2009: 20–30 kWh/t clinker" },
    unit_cost = { default = 10000, unit = "yuan/(t/d)", min = 5000, max = 20000,
                  doc = "Investment per t/d of clinker capacity (50 M yuan for 5000 t/d)",
                  source = "nettplinkrepeater.net forum 2009: 5000 t/d line ≈ 50 M yuan" },
    lifetime = { default = 15, unit = "a", min = 10, max = 25, doc = "Economic life of the plant" },
    om_share = { default = 0.12, unit = "1", min = 0, max = 0.3,
                 doc = "O&M cost as a share of the electricity value (generation cost 0.10–0.15 yuan/kWh vs ≈ 0.6 yuan/kWh bought)",
                 source = "nettplinkrepeater.net forum 2009: generation cost 0.10–0.15 yuan/kWh" },
  },
  applies = function(plant)
    local kilns = ediag.units(plant, "clinker_kiln")
    if #kilns == 0 then return false, "no clinker kiln" end
    return true
  end,
  evaluate = function(plant, ctx, params)
    for _, kiln in ipairs(ediag.units(plant, "clinker_kiln")) do
      if kiln.waste_heat_power or ediag.implemented(plant, "waste-heat-power", kiln.id) then
        ctx:not_applicable { subject = kiln.id, reason = "waste-heat power is already installed" }
      elseif kiln.clinker_output == nil or kiln.capacity == nil then
        ctx:insufficient_data {
          subject = kiln.id,
          needs = { "process_units[" .. kiln.id .. "].clinker_output", "process_units[" .. kiln.id .. "].capacity" },
        }
      else
        local kwh = params.generation * kiln.clinker_output
        local price = plant.energy and plant.energy.electricity and plant.energy.electricity.price or 0.6
        ctx:recommend {
          subject = kiln.id,
          savings = { electricity = kwh },
          investment = params.unit_cost * kiln.capacity,
          lifetime = params.lifetime,
          om_cost = params.om_share * kwh * price,
          confidence = "medium",
          message = {
            en = "Kiln {kiln} has no waste-heat power: about {gen} kWh/t × {output:0} t clinker = {kwh:0} kWh a year",
            zh = "{kiln} 窑线未配套余热发电：约 {gen} kWh/t × {output:0} t 熟料 = 年发电 {kwh:0} kWh",
          },
          values = { kiln = kiln.id, gen = params.generation, output = kiln.clinker_output, kwh = kwh },
          evidence = {
            { name = "clinker output", value = kiln.clinker_output, unit = "t", source = "process_units[" .. kiln.id .. "].clinker_output" },
            { name = "capacity", value = kiln.capacity, unit = "t/d", source = "process_units[" .. kiln.id .. "].capacity" },
          },
        }
      end
    end
  end,
}
