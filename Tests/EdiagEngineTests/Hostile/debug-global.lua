-- attack: debug.sethook to remove the instruction hook
-- contained: there is no debug library
-- expect: undefined global 'debug'
debug.sethook()
ctx:finding { message = "survived" }
