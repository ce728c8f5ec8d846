-- attack: replace the shared string metatable's __index to change every rule's s:upper()
-- contained: getmetatable('') gives a marker string, not the metatable
-- expect: attempt to index a string value
getmetatable("").__index = { upper = function() return "pwned" end }
ctx:finding { message = "survived" }
