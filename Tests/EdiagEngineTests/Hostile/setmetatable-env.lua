-- attack: setmetatable(_ENV, nil) to make the sealed environment writable
-- contained: the sealed environment has a protected metatable
-- expect: protected metatable
setmetatable(_ENV, nil)
ctx:finding { message = "survived" }
