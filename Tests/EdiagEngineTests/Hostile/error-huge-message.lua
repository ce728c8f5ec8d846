-- attack: an error message of 4 MB, which would end up in every report and JSON output
-- contained: the host keeps the first 4096 bytes (position first) and says it cut the rest
-- expect: error message cut at 4096
error(string.rep("e", 4000000))
ctx:finding { message = "survived" }
