-- attack: xpcall whose handler returns normally after the instruction limit
-- contained: the handler itself runs out of budget; the limit stays
-- expect: instruction limit
xpcall(function() while true do end end, function() return "fine" end)
ctx:finding { message = "survived" }
