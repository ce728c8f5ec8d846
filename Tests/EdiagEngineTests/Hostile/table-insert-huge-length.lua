-- attack: table.insert at position 1 of a table whose __len answers 10^15
-- contained: table.insert runs in Lua, every shift counted
-- expect: instruction limit
local t = setmetatable({}, { __len = function() return 1e15 end })
table.insert(t, 1, "x")
ctx:finding { message = "survived" }
