-- attack: string.dump reached as a method through the string metatable
-- contained: strings index the same reduced library
-- expect: attempt to call a nil value
local s = ""
s.dump(print)
ctx:finding { message = "survived" }
