-- attack: replace ediag.tce for the rest of the pack
-- contained: the ediag library is frozen
-- expect: read-only
ediag.tce = function() return 0 end
ctx:finding { message = "survived" }
