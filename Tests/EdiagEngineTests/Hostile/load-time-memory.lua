-- attack: a memory bomb in the file's top level
-- contained: the load budget's memory limit
-- expect: memory
-- phase: load
local t = {}
for i = 1, 1e9 do t[i] = { i } end
