-- attack: give the string library a metatable of one's own
-- contained: read-only tables refuse setmetatable
-- expect: cannot change a read-only table | protected metatable
setmetatable(string, { __index = function() return print end })
ctx:finding { message = "survived" }
