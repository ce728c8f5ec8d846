-- attack: a pattern with stacked lazy repeats on a long subject
-- contained: estimated cost refused before matching
-- expect: pattern too complex
string.find(string.rep("a", 3000), "a-a-a-a-b")
ctx:finding { message = "survived" }
