-- attack: math.random / math.randomseed (non-deterministic output)
-- contained: not in the rules' math library
-- expect: attempt to call a nil value
math.randomseed(1)
ctx:finding { message = "survived" }
