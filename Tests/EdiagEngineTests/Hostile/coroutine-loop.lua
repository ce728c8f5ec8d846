-- attack: an endless loop inside a coroutine
-- contained: coroutines inherit the hook
-- expect: instruction limit
coroutine.wrap(function() while true do end end)()
ctx:finding { message = "survived" }
