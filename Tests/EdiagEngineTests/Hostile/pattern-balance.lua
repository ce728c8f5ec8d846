-- attack: %b() over 4 MiB of '(' (quadratic scan in C)
-- contained: %b counts as a repeat in the cost
-- expect: pattern too complex
string.rep("(", 4000000):find("%b()")
ctx:finding { message = "survived" }
