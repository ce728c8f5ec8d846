-- attack: pcall around an endless loop, in an endless loop
-- contained: the exhausted budget fails every further instruction
-- expect: instruction limit
while true do pcall(function() while true do end end) end
ctx:finding { message = "survived" }
