-- attack: values that contain themselves
-- contained: values must be numbers, text or booleans
-- expect: must be a number, text or boolean
local v = {}
v.self = v
ctx:finding { message = "x", values = v }
ctx:finding { message = "survived" }
