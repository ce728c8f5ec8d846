-- attack: doubling a string by concatenation
-- contained: the allocator refuses growth past the limit
-- expect: memory
local s = "x"
for _ = 1, 64 do s = s .. s end
ctx:finding { message = "survived" }
