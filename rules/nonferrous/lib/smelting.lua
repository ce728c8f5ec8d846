-- What the smelter measures need to know about a GB 25323 route.

local smelting = {}

-- Routes that are electrolytic refining only: no furnace, no off-gas, no acid.
local ELECTROLYSIS_ONLY = { anode_to_cathode = true, electrorefining = true }

-- Routes whose main step is leaching and electrowinning (the roaster is not a smelting furnace).
local HYDROMETALLURGICAL = { hydro_with_residue = true, hydro_without_residue = true }

-- Metals smelted from sulfide concentrates, whose off-gas feeds an acid plant.
local SULFIDE_METALS = { copper = true, zinc = true, lead = true, nickel = true }

--- True when the smelter runs a furnace (any route but electrolytic refining); an unknown route counts.
function smelting.has_furnace(smelter)
  return not ELECTROLYSIS_ONLY[smelter.route or ""]
end

--- True when the smelter smelts in a furnace whose blast can be oxygen-enriched.
function smelting.is_pyrometallurgical(smelter)
  local route = smelter.route or ""
  return not ELECTROLYSIS_ONLY[route] and not HYDROMETALLURGICAL[route]
end

--- True when the smelter roasts or smelts sulfide concentrate, so it makes sulfuric acid.
function smelting.makes_acid(smelter)
  return SULFIDE_METALS[smelter.metal] == true and not ELECTROLYSIS_ONLY[smelter.route or ""]
end

function smelting.field(smelter, name)
  return "process_units[" .. smelter.id .. "]." .. name
end

return smelting
