-- attack: a plain find of a 2 MB needle in 4 MB (quadratic memcmp)
-- contained: plain searches are bounded too
-- expect: too costly
local s = string.rep("a", 4000000)
s:find(string.rep("a", 2000000) .. "b", 1, true)
ctx:finding { message = "survived" }
