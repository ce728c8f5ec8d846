-- attack: error(nil): no message at all
-- contained: the error still names the rule's line
-- expect: error object is not a string (a nil value)
error(nil)
ctx:finding { message = "survived" }
