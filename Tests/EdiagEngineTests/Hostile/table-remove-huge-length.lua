-- attack: table.remove on a table whose __len answers 10^15
-- contained: table.remove runs in Lua, every shift counted
-- expect: instruction limit
local t = setmetatable({}, { __len = function() return 1e15 end })
table.remove(t, 1)
ctx:finding { message = "survived" }
