-- attack: rawset a function into the string library
-- contained: library tables are frozen proxies; rawset refuses them
-- expect: read-only
rawset(string, "upper", function() return "pwned" end)
ctx:finding { message = "survived" }
