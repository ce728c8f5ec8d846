-- attack: change math.pi for every other rule
-- contained: library tables are read-only
-- expect: read-only
math.pi = 3
ctx:finding { message = "survived" }
