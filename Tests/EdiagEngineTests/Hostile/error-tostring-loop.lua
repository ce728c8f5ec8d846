-- attack: an error object whose __tostring never returns
-- contained: the host never runs metamethods of error objects
-- expect: error object is not a string
error(setmetatable({}, { __tostring = function() while true do end end }))
ctx:finding { message = "survived" }
