-- attack: probe the profile proxy for fields outside the schema
-- contained: unknown fields are errors naming the schema type
-- expect: not defined for plant
local x = plant.plant.idd
ctx:finding { message = "survived" }
