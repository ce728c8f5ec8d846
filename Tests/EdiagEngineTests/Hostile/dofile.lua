-- attack: dofile reads a file from disk
-- contained: dofile does not exist in rules
-- expect: undefined global 'dofile'
dofile("/etc/passwd")
ctx:finding { message = "survived" }
