-- attack: load with mode 'b' asked explicitly
-- contained: the mode argument is ignored: text only
-- expect: binary chunk
assert(load(string.char(27) .. "LuaT", "chunk", "b"))()
ctx:finding { message = "survived" }
