-- attack: unbounded Lua recursion
-- contained: Lua's stack limit or the memory limit
-- expect: stack overflow | memory
local function f(n) return f(n + 1) + 1 end
f(1)
ctx:finding { message = "survived" }
