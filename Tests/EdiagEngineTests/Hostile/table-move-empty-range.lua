-- attack: table.move over 10^15 empty slots: raw accesses, no allocation
-- contained: table.move runs in Lua, every element counted
-- expect: instruction limit
table.move({}, 1, 1e15, 1, {})
ctx:finding { message = "survived" }
