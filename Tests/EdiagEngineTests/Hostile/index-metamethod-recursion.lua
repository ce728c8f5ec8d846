-- attack: an __index function that indexes itself
-- contained: Lua's stack limits
-- expect: stack overflow
local t = setmetatable({}, { __index = function(t, k) return t[k] end })
local x = t.a
ctx:finding { message = "survived" }
