-- attack: a coroutine created while the file loaded, resumed during evaluation
-- contained: it carries the hook; the evaluation budget applies
-- expect: instruction limit
spinner = coroutine.create(function() while true do end end)
rule {
  id = "test.hostile", title = { zh = "恶意", en = "hostile" }, category = "data_quality",
  references = { { standard = "test" } },
  evaluate = function(plant, ctx)
    coroutine.resume(spinner)
    while true do coroutine.resume(spinner) end
    ctx:finding { message = "survived" }
  end,
}
