-- attack: tostring and %s of a value whose __tostring loops
-- contained: tostring and format print the type name without running __tostring
-- expect: contained
local v = setmetatable({}, { __tostring = function() while true do end end })
error("contained: " .. tostring(v) .. string.format(" %s", v))
ctx:finding { message = "survived" }
