-- attack: collectgarbage('stop') or a full collection every step to slow the host
-- contained: collectgarbage does not exist in rules
-- expect: undefined global 'collectgarbage'
collectgarbage("stop")
ctx:finding { message = "survived" }
