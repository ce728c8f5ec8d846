-- attack: assign string.format for every other rule
-- contained: library tables are read-only
-- expect: read-only
string.format = function() return "pwned" end
ctx:finding { message = "survived" }
