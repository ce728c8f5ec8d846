-- attack: one 60 kB string referenced by 10 000 references: cheap for Lua, 600 MB of copies for the host
-- contained: the host copies at most 4 MiB of a rule's text per plant
-- expect: bytes of text on one plant
local big = string.rep("r", 60000)
local refs = {}
for i = 1, 10000 do refs[i] = { standard = big } end
ctx:finding { message = "x", references = refs }
ctx:finding { message = "survived" }
