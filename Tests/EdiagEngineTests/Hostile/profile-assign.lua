-- attack: change the plant profile for later rules
-- contained: the profile is a read-only proxy
-- expect: read-only
plant.energy.electricity.price = 0
ctx:finding { message = "survived" }
