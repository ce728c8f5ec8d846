-- attack: an error object whose __index never returns
-- contained: the host reads error objects raw
-- expect: error object is not a string
error(setmetatable({}, { __index = function() while true do end end, __name = "x" }))
ctx:finding { message = "survived" }
