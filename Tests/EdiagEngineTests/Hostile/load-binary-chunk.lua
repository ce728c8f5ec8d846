-- attack: a precompiled (binary) chunk given to load
-- contained: load accepts text only; the rule fails at its line
-- expect: binary chunk
assert(load(string.char(27) .. "LuaT\0\25\147\r\n\26\n\4\8\8"))()
ctx:finding { message = "survived" }
