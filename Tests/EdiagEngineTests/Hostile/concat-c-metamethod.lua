-- attack: table.concat over 10^15 slots whose __index is a C function returning ''
-- contained: calls count against the budget like instructions (the deadline may come first on a loaded machine)
-- expect: instruction limit | deadline exceeded
local t = setmetatable({}, { __index = table.concat })
local s = table.concat(t, "", 1, 1e15)
ctx:finding { message = "survived" }
