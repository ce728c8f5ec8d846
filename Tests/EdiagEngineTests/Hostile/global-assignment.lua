-- attack: keep a counter in a global across plants
-- contained: globals are sealed after the file loads (reading an unset one is already an error)
-- expect: undefined global 'counter'
counter = (counter or 0) + 1
ctx:finding { message = "survived" }
