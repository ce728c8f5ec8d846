-- attack: a table.sort comparator that sorts again (C stack)
-- contained: Lua's C-call limit
-- expect: stack overflow
local function cmp(a, b) table.sort({ 3, 2, 1 }, cmp) return a < b end
table.sort({ 3, 2, 1 }, cmp)
ctx:finding { message = "survived" }
