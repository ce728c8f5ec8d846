-- attack: gmatch with a back-reference after a lazy capture
-- contained: back-references count as repeats
-- expect: pattern too complex
for x in string.rep("ab", 100000):gmatch("(.-)%1c") do end
ctx:finding { message = "survived" }
