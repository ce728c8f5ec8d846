-- attack: declare a rule inside a coroutine at load time, then loop in that coroutine
-- contained: the host call on the coroutine's thread leaves its hook in place
-- expect: instruction limit
-- phase: load
coroutine.wrap(function()
  rule { id = "test.hostile", title = { zh = "恶意", en = "hostile" }, category = "data_quality", references = { { standard = "test" } }, evaluate = function(plant, ctx) end }
  while true do end
end)()
