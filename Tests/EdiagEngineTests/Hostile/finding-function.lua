-- attack: a function as the finding message
-- contained: messages must be text
-- expect: must be text
ctx:finding { message = print }
ctx:finding { message = "survived" }
