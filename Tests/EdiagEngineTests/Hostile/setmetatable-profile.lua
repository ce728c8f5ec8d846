-- attack: setmetatable(plant, nil) to make the profile writable
-- contained: the profile's metatable is protected
-- expect: protected metatable
setmetatable(plant, nil)
ctx:finding { message = "survived" }
