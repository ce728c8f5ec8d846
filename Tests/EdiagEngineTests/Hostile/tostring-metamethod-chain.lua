-- attack: __concat metamethods that call each other through C
-- contained: Lua's C-call limit
-- expect: stack overflow
local mt = {}
mt.__concat = function(a, b) return setmetatable({}, mt) .. a end
local x = setmetatable({}, mt) .. "x"
ctx:finding { message = "survived" }
