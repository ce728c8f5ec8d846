-- attack: table.concat of several 4 MiB strings
-- contained: the allocator refuses the result
-- expect: memory
local s = string.rep("x", 4 * 1024 * 1024)
local t = table.concat({ s, s, s, s })
ctx:finding { message = "survived" }
