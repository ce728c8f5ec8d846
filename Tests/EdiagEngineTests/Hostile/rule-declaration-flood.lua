-- attack: declare rules in a loop at load time (each declaration costs the host a record)
-- contained: a runtime registers at most 10 000 rules; the file fails at its line and its rules are dropped
-- expect: more than 10000 rules
-- phase: load
local def = { id = "test.flood", title = { zh = "洪", en = "flood" }, category = "data_quality", references = { { standard = "test" } }, evaluate = function() end }
for _ = 1, 1e9 do rule(def) end
