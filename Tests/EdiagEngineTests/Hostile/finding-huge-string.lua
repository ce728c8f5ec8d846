-- attack: a 4 MiB finding message
-- contained: text given to the host is capped
-- expect: longer than
ctx:finding { message = string.rep("x", 4 * 1024 * 1024) }
ctx:finding { message = "survived" }
