-- attack: gsub with two greedy repeats on 100 kB
-- contained: estimated cost refused
-- expect: pattern too complex
string.rep("x", 100000):gsub("x*x*y", "")
ctx:finding { message = "survived" }
