-- attack: an infinite measured value
-- contained: numbers must be finite
-- expect: finite number
ctx:compliance { value = 1 / 0, limits = { standard = "GB", effective = "2020-01-01", grade1 = 1 } }
ctx:finding { message = "survived" }
