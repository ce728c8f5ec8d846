-- attack: loadfile reads a file from disk
-- contained: loadfile does not exist in rules
-- expect: undefined global 'loadfile'
loadfile("/etc/passwd")
ctx:finding { message = "survived" }
