-- attack: rawset a field into the plant profile other rules read
-- contained: the profile is a read-only proxy
-- expect: read-only
rawset(plant.plant, "id", "forged")
ctx:finding { message = "survived" }
