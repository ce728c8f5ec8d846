-- attack: string.gsub with a replacement function that calls gsub again (C stack)
-- contained: Lua's C-call limit
-- expect: stack overflow
local function f(s) return (s:gsub(".", f)) end
f("ab")
ctx:finding { message = "survived" }
