-- attack: string.rep of a gigabyte
-- contained: refused before C allocates
-- expect: exceeds the limit
local s = string.rep("x", 1e9)
ctx:finding { message = "survived" }
