-- attack: 10 000 values all holding the same 60 kB string (a host memory bomb through ctx values)
-- contained: the host copies at most 4 MiB of a rule's text per plant
-- expect: bytes of text on one plant
local big = string.rep("v", 60000)
local values = {}
for i = 1, 10000 do values["k" .. i] = big end
ctx:finding { message = "x", values = values }
ctx:finding { message = "survived" }
