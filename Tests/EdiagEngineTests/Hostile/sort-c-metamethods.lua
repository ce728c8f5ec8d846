-- attack: table.sort of 2^30 slots read through C metamethods
-- contained: calls count against the budget; the inner table.concat recursing through __len hits the C-call limit first
-- expect: instruction limit | deadline exceeded | C stack overflow
local t = setmetatable({}, { __index = table.concat, __newindex = rawequal, __len = function() return 1 << 30 end })
table.sort(t)
ctx:finding { message = "survived" }
