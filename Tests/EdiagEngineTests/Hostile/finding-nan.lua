-- attack: NaN as a value
-- contained: numbers must be finite
-- expect: not a finite number
ctx:finding { message = "{x}", values = { x = 0 / 0 } }
ctx:finding { message = "survived" }
