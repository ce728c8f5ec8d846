-- attack: string.dump turns a function into bytecode to patch and reload
-- contained: string.dump is not in the rules' string library
-- expect: attempt to call a nil value
string.dump(function() end)
ctx:finding { message = "survived" }
