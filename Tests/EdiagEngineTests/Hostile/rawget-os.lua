-- attack: rawget on the environment to skip the strict lookup
-- contained: os is simply absent
-- expect: attempt to index a nil value
rawget(_ENV, "os").execute("id")
ctx:finding { message = "survived" }
