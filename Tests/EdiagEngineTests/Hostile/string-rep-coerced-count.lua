-- attack: the count passed as a string, to slip past a numeric check
-- contained: counts are coerced before checking
-- expect: repetitions exceed the limit
local s = ("").rep("", "1e15")
ctx:finding { message = "survived" }
