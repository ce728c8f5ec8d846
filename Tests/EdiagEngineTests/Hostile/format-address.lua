-- attack: string.format('%p') to read addresses (non-deterministic output)
-- contained: %p is refused
-- expect: '%p'
ctx:finding { message = string.format("%p", {}) }
ctx:finding { message = "survived" }
