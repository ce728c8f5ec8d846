-- attack: declare a rule, then loop forever at the top level (rule{} runs a nested protected call in the host, which used to remove the hook)
-- contained: a nested call runs under the outer call's budget and hook
-- expect: instruction limit
-- phase: load
rule { id = "test.hostile", title = { zh = "恶意", en = "hostile" }, category = "data_quality", references = { { standard = "test" } }, evaluate = function(plant, ctx) end }
while true do end
