-- attack: io.open through the global
-- contained: there is no io library
-- expect: undefined global 'io'
io.open("/etc/passwd")
ctx:finding { message = "survived" }
