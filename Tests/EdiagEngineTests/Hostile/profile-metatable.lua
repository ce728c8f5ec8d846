-- attack: reach the profile's backing table through its metatable
-- contained: getmetatable gives a marker string
-- expect: attempt to index a nil value | attempt to index a string value
getmetatable(plant).__index.plant.id = "forged"
ctx:finding { message = "survived" }
