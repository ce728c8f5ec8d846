-- attack: error at a level that points into the sandbox's own code
-- contained: the message is put back at the rule's line
-- expect: blame elsewhere
error("blame elsewhere", 3)
ctx:finding { message = "survived" }
