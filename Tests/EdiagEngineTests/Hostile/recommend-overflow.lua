-- attack: a finite but absurd saving (1.7e308 kWh) whose NPV overflows to infinity
-- contained: the host refuses economics that are not finite, at the rule's line
-- expect: too large to value
ctx:recommend { savings = { electricity = 1.7e308 }, investment = 1, lifetime = 10 }
ctx:finding { message = "survived" }
