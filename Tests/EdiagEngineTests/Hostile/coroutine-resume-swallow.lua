-- attack: resume swallows the limit error of each coroutine
-- contained: the limit is sticky in the resuming code too
-- expect: instruction limit
while true do coroutine.resume(coroutine.create(function() while true do end end)) end
ctx:finding { message = "survived" }
