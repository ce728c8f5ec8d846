-- attack: an endless loop in the file's top level
-- contained: the load budget stops it; the file's rules are dropped, the others load
-- expect: instruction limit
-- phase: load
while true do end
