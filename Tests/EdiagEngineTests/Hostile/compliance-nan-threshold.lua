-- attack: NaN thresholds, which would grade anything and print 'nan' in JSON
-- contained: thresholds must be finite
-- expect: finite
ctx:compliance { value = 1, limits = { standard = "GB", effective = "2020-01-01", grade1 = 1 }, thresholds = { 0 / 0, 2, 3 } }
ctx:finding { message = "survived" }
