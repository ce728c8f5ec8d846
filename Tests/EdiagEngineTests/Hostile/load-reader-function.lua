-- attack: load with a reader function that yields binary pieces
-- contained: only string chunks are accepted
-- expect: only text chunks
local parts = { string.char(27), "LuaT" }
local i = 0
assert(load(function() i = i + 1 return parts[i] end))()
ctx:finding { message = "survived" }
