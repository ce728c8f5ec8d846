-- attack: run out of memory inside load(), which reports failures as (nil, message) instead of raising, and carry on
-- contained: the sandbox's load raises the memory error again, like pcall does
-- expect: memory
local source = "local a " .. string.rep("a=function()end ", 125000)
local f, err = load(source)
ctx:finding { message = "load returned " .. tostring(err) }
ctx:finding { message = "survived" }
