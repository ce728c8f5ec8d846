-- attack: a finalizer that allocates without end, hidden behind __index
-- contained: Lua reads __gc raw and sees none; the finalizer never runs
-- expect: finalizer never ran
local f = function() local t = {} while true do t[#t + 1] = {} end end
setmetatable({}, setmetatable({}, { __index = { __gc = f } }))
local junk = {}
for i = 1, 20000 do junk[i] = { i } end
error("finalizer never ran")
ctx:finding { message = "survived" }
