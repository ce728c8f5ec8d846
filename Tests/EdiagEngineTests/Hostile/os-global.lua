-- attack: os.execute through the global
-- contained: there is no os library
-- expect: undefined global 'os'
os.execute("true")
ctx:finding { message = "survived" }
