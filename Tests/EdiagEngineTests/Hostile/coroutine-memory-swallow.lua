-- attack: a coroutine runs out of memory and resume reports it as a plain failure
-- contained: resume raises the memory error again
-- expect: memory
local ok = coroutine.resume(coroutine.create(function() local t = {} for i = 1, 1e8 do t[i] = { i } end end))
ctx:finding { message = tostring(ok) }
ctx:finding { message = "survived" }
