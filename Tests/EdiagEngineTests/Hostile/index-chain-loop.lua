-- attack: two tables whose __index point at each other
-- contained: Lua's metamethod chain limit
-- expect: chain too long
local a, b = {}, {}
setmetatable(a, { __index = b })
setmetatable(b, { __index = a })
local x = a.missing
ctx:finding { message = "survived" }
