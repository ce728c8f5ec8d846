-- Steam-system repair: replace failed steam traps and insulate bare hot surfaces on a steam network.

local chemical_limits = require("chemical_limits")
local plant_heat = require("plant_heat")
local unit_hours = require("unit_hours")

local field = chemical_limits.field

--- Steam (t/a) blown through the failed traps, and how many traps have failed.
local function failed_trap_loss(network, hours, params)
  local failed = network.steam_traps * network.failed_trap_share / 100
  local loss = network.trap_loss or params.failed_trap_loss
  return failed * loss * hours / 1000, failed, loss
end

--- Heat (kJ/a) insulation would keep in: bare-surface loss h·A·(T − T_ambient) over the hours, times the
--- share insulation removes.
local function bare_surface_heat(network, hours, params)
  local watts = params.bare_heat_transfer * network.bare_surface_area
    * (network.bare_surface_temperature - params.ambient_temperature)
  return watts * hours * 3600 / 1000 * params.insulation_effectiveness
end

rule {
  id = "chemicals.steam-system-repair",
  title = { zh = "蒸汽系统治理（疏水阀更换、管网保温修复）", en = "Steam-system repair: failed steam traps and bare surfaces" },
  sector = "chemicals",
  category = "saving_measure",
  measure = "steam-system-repair",
  summary = "Failed steam traps blow live steam into the condensate system and bare pipes, valves and flanges lose heat; "
    .. "replacing the failed traps and insulating the bare surface saves the steam, valued as purchased steam or "
    .. "boiler fuel.",
  formula = "trap steam (t/a) = traps × failed share × loss per failed trap (kg/h) × hours / 1000; insulation heat (kJ/a) = "
    .. "h × area × (T_surface − T_ambient) × hours × 3.6 × effectiveness, as steam at 3763 kJ/kg; "
    .. "investment = failed traps × trap cost + area × insulation cost",
  references = {
    { standard = "shared/reference/energy-figures.md §6", clause = "steam-trap savings: not found — trap loss, heat-transfer "
      .. "coefficient and costs here are orientation parameters (low confidence)", confidence = "low" },
    { standard = "GB/T 2589-2020", clause = "low-pressure steam 3763 kJ/kg (shared/reference §3.1)", confidence = "high" },
  },
  parameters = {
    failed_trap_loss = { default = 10, unit = "kg/h", min = 2, max = 50,
      doc = "Steam lost by one failed trap when the profile gives no measured trap_loss — orientation figure, not from a cited source (low confidence)" },
    bare_heat_transfer = { default = 12, unit = "W/(m2*K)", min = 8, max = 20,
      doc = "Combined convection and radiation coefficient of bare steel in still air — orientation figure, not from a cited source (low confidence)" },
    ambient_temperature = { default = 20, unit = "°C", min = -20, max = 40,
      doc = "Ambient air temperature — orientation figure, not from a cited source (low confidence)" },
    insulation_effectiveness = { default = 0.9, unit = "1", min = 0.7, max = 0.97,
      doc = "Share of the bare-surface loss insulation removes — orientation figure, not from a cited source (low confidence)" },
    trap_cost = { default = 3000, unit = "yuan", min = 500, max = 10000,
      doc = "Cost of one replacement trap, installed — orientation figure, not from a cited source (low confidence)" },
    insulation_cost = { default = 400, unit = "yuan/m2", min = 100, max = 1500,
      doc = "Insulation cost per m2 of hot surface, installed — orientation figure, not from a cited source (low confidence)" },
    lifetime = { default = 5, unit = "a", min = 2, max = 15,
      doc = "Economic life of the repair — orientation figure, not from a cited source (low confidence)" },
  },
  applies = function(plant)
    if #ediag.units(plant, "steam_network") == 0 then return false, "no steam_network process unit" end
    return true
  end,
  evaluate = function(plant, ctx, params)
    for _, network in ipairs(ediag.units(plant, "steam_network")) do
      local has_traps = network.steam_traps ~= nil and network.failed_trap_share ~= nil
      local has_surface = network.bare_surface_area ~= nil and network.bare_surface_temperature ~= nil
      if ediag.implemented(plant, "steam-system-repair", network.id) then
        ctx:not_applicable { subject = network.id, reason = "steam-system repair is listed as implemented" }
      elseif network.hours == nil or not (has_traps or has_surface) then
        local needs = {}
        if network.hours == nil then needs[#needs + 1] = field(network, "hours") end
        if not (has_traps or has_surface) then
          for _, name in ipairs({ "steam_traps", "failed_trap_share", "bare_surface_area", "bare_surface_temperature" }) do
            if network[name] == nil then needs[#needs + 1] = field(network, name) end
          end
        end
        ctx:insufficient_data { subject = network.id, needs = needs,
          message = { en = "survey the steam traps (count, failed share) or the bare hot surface (area, temperature), and give the hours under steam",
                      zh = "需开展疏水阀普查（数量、失效比例）或裸露热表面测量（面积、温度），并给出年运行小时" } }
      elseif network.hours == 0 then
        ctx:not_applicable { subject = network.id, reason = "the network is not under steam any hour of the year" }
      else
        local hours, hours_source = unit_hours.held(network)
        local trap_steam, failed_traps, trap_loss = 0, 0, 0
        if has_traps then trap_steam, failed_traps, trap_loss = failed_trap_loss(network, hours, params) end
        local surface_steam = 0
        if has_surface and network.bare_surface_temperature > params.ambient_temperature then
          surface_steam = plant_heat.steam_for_heat(bare_surface_heat(network, hours, params))
        end
        local steam_saved = trap_steam + surface_steam
        if network.steam_use ~= nil then steam_saved = math.min(steam_saved, network.steam_use) end
        if steam_saved <= 0 then
          ctx:not_applicable { subject = network.id, reason = "no failed traps and no bare hot surface were found" }
        else
          local savings, evidence, interaction = plant_heat.steam_savings(plant, network.id, steam_saved)
          if savings == nil then
            ctx:insufficient_data { subject = network.id, needs = evidence }
          else
            table.insert(evidence, 1, { name = "steam lost through failed traps", value = trap_steam, unit = "t/a",
              source = has_traps and (field(network, "steam_traps") .. " × failed_trap_share × "
                .. (network.trap_loss and "trap_loss" or "parameter failed_trap_loss") .. " × hours") or "no trap survey" })
            table.insert(evidence, 2, { name = "steam equivalent of bare-surface loss", value = surface_steam, unit = "t/a",
              source = has_surface and "bare_surface_area × h × ΔT × hours, at 3763 kJ/kg" or "no bare-surface survey" })
            table.insert(evidence, 3, { name = "hours under steam", value = hours, unit = "h/a", source = hours_source })
            local area = has_surface and network.bare_surface_area or 0
            ctx:recommend {
              subject = network.id,
              savings = savings,
              interaction = interaction,
              investment = failed_traps * params.trap_cost + area * params.insulation_cost,
              lifetime = params.lifetime,
              confidence = "low",
              message = {
                en = "{unit}: {failed:0} failed traps at {loss} kg/h lose {trap_steam:0} t steam a year and {area:0} m2 of "
                  .. "bare surface about {surface_steam:0} t more; repairing saves {steam:0} t a year",
                zh = "{unit}：{failed:0} 个失效疏水阀（每个 {loss} kg/h）年漏汽 {trap_steam:0} t，{area:0} m2 裸露表面散热折蒸汽约 "
                  .. "{surface_steam:0} t；治理后年节约蒸汽 {steam:0} t",
              },
              values = { unit = network.id, failed = failed_traps, loss = trap_loss, trap_steam = trap_steam, area = area,
                         surface_steam = surface_steam, steam = steam_saved },
              evidence = evidence,
            }
          end
        end
      end
    end
  end,
}
