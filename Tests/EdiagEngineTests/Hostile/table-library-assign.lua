-- attack: replace table.sort for every other rule
-- contained: library tables are read-only
-- expect: read-only
table.sort = function() end
ctx:finding { message = "survived" }
