-- attack: load with a chunk name that passes the code off as another plugin's file
-- contained: chunk names from load never look like files; the error is blamed on this rule's line
-- expect: boom
assert(load("error('boom')", "@plugins/equipment/motors.lua"))()
ctx:finding { message = "survived" }
