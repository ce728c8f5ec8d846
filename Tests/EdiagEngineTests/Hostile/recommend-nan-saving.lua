-- attack: a NaN saving
-- contained: savings must be finite
-- expect: finite
ctx:recommend { savings = { electricity = 0 / 0 }, investment = 1, lifetime = 10 }
ctx:finding { message = "survived" }
