-- attack: 20 000 placeholders each filled with 60 kB of text
-- contained: the filled message is capped
-- expect: longer than
local big = string.rep("y", 60000)
ctx:finding { message = string.rep("{a}", 20000), values = { a = big } }
ctx:finding { message = "survived" }
