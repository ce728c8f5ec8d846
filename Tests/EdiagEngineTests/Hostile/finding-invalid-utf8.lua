-- attack: invalid UTF-8 bytes in a message
-- contained: text given to the host must be UTF-8
-- expect: not valid UTF-8
ctx:finding { message = "bad \xff\xfe bytes" }
ctx:finding { message = "survived" }
