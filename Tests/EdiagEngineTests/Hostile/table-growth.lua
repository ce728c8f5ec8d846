-- attack: a table grown to a billion entries
-- contained: the allocator refuses growth
-- expect: memory
local t = {}
for i = 1, 1e9 do t[i] = { i, i, i } end
ctx:finding { message = "survived" }
