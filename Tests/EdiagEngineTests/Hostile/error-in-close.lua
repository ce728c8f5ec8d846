-- attack: a to-be-closed variable whose __close loops when the limit unwinds
-- contained: __close runs under the exhausted budget
-- expect: instruction limit
local guard <close> = setmetatable({}, { __close = function() while true do end end })
while true do end
ctx:finding { message = "survived" }
