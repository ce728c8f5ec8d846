-- attack: change the shared electricity coefficient returned by ediag.carrier
-- contained: carrier tables are frozen
-- expect: read-only
ediag.carrier("electricity").kgce_per_unit = 9
ctx:finding { message = "survived" }
