-- attack: a coroutine (the only userdata-like value a rule can make) as a value
-- contained: values must be numbers, text or booleans
-- expect: got a thread
ctx:finding { message = "x", values = { co = coroutine.create(print) } }
ctx:finding { message = "survived" }
