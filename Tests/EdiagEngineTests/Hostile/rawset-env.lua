-- attack: rawset a global into the sealed environment to leave state for the next plant
-- contained: rawset refuses read-only tables
-- expect: read-only
rawset(_ENV, "leak", 1)
ctx:finding { message = "survived" }
