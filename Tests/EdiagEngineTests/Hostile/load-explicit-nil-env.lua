-- attack: load with a nil environment to escape the rule's one
-- contained: nil means the rule's own sealed environment
-- expect: cannot set global
assert(load("leak = 1", "x", "t", nil))()
ctx:finding { message = "survived" }
