-- attack: pcall to swallow the memory error and carry on
-- contained: protected calls raise the memory error again
-- expect: memory
for _ = 1, 100 do
  pcall(function() local t = {} for i = 1, 1e8 do t[i] = i end end)
end
ctx:finding { message = "survived" }
