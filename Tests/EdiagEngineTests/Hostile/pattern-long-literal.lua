-- attack: a 2 MB literal pattern against 4 MB of 'a' (quadratic compare in C)
-- contained: the cost grows with the pattern length
-- expect: pattern too complex
local s = string.rep("a", 4000000)
s:find(string.rep("a", 2000000) .. "b")
ctx:finding { message = "survived" }
