-- attack: code given to load looks for the real global table
-- contained: loaded code sees the rule's strict environment
-- expect: undefined global 'os'
local f = assert(load("return os.execute"))
f()("id")
ctx:finding { message = "survived" }
