-- attack: a __gc finalizer that never returns (finalizers run with the hook off)
-- contained: setmetatable refuses __gc
-- expect: finalizers
setmetatable({}, { __gc = function() while true do end end })
ctx:finding { message = "survived" }
