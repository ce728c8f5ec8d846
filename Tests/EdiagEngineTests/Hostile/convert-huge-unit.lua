-- attack: ediag.convert with a 4 MB unit, in a loop: each call is one instruction but megabytes of host parsing
-- contained: host functions refuse inputs whose handling is not small (units are at most 64 bytes)
-- expect: a unit is at most 64 bytes
local unit = string.rep("k", 4000000)
for _ = 1, 1e6 do ediag.convert(1, unit, "kWh") end
ctx:finding { message = "survived" }
