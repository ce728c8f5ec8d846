-- attack: setmetatable(_G, nil) to strip the sandbox
-- contained: there is no _G in rules
-- expect: undefined global '_G'
setmetatable(_G, nil)
ctx:finding { message = "survived" }
