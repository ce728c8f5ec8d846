-- Two well-behaved rules run next to each hostile one, one before it and one after it by id. They
-- exercise what the hostile rules attack (string methods and the string metatable, library tables,
-- ediag and ctx, pairs, coroutines, pcall, the profile), so any leak changes their findings.
for _, id in ipairs({ "test.a-good", "test.z-good" }) do
  rule {
    id = id, title = { zh = "良好", en = "well-behaved" }, category = "data_quality",
    references = { { standard = "test" } },
    evaluate = function(plant, ctx)
      local words = {}
      for k, v in pairs({ zeta = 1, alpha = 2, [3] = "c" }) do words[#words + 1] = tostring(k) .. "=" .. tostring(v) end
      table.insert(words, 1, ("kiln"):upper())
      table.insert(words, "tail")
      table.remove(words, 2)
      table.sort(words)
      local joined = table.concat(table.move(words, 1, #words, 1, {}), ",")
      local _, capitals = joined:gsub("%u", "")
      local double = coroutine.wrap(function(a) coroutine.yield(a * 2) end)
      local ok, err = pcall(error, "caught")
      local first = string.find("a-b-c", "-", 1, true)
      ctx:finding {
        subject = plant.plant.id,
        message = { zh = "{text} {tce:3}", en = "{text} {tce:3} {n} {co} {fmt} {ok} {first}" },
        values = {
          text = joined, tce = ediag.tce(1e6, "electricity"), n = capitals, co = double(21), ok = ok,
          fmt = string.format("%5.2f|%s|%d|%s", math.pi, err, #string.rep("ab", 3, "-"), string.upper("x")),
          first = first,
        },
      }
      ctx:recommend {
        subject = "M1", savings = { electricity = 1e5 }, investment = 5e4, lifetime = 10,
        message = { zh = "节能 {tce:2}", en = "saves {tce:2} tce" },
      }
    end,
  }
end
