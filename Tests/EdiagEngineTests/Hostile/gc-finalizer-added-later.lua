-- attack: a __gc added to the metatable after setmetatable
-- contained: Lua marks objects for finalization only in setmetatable: the finalizer never runs, so the rule reaches its own error
-- expect: finalizer never ran
local mt = {}
local t = setmetatable({}, mt)
mt.__gc = function() while true do end end
t = nil
local junk = {}
for i = 1, 20000 do junk[i] = { i } end
error("finalizer never ran")
ctx:finding { message = "survived" }
