-- attack: string.rep of an empty string 10^15 times: no allocation, a C loop
-- contained: the repetition count is bounded too
-- expect: repetitions exceed the limit
local s = string.rep("", 1e15)
ctx:finding { message = "survived" }
