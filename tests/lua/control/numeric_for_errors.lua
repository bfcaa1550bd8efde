-- Numeric for: invalid initial value, limit or step.
print(1, pcall(function() for i = "a", 2 do end end))
print(2, pcall(function() for i = 1, {} do end end))
print(3, pcall(function() for i = 1, 2, nil do end end))
print(4, pcall(function() for i = nil, 2 do end end))
print(5, pcall(function() for i = 1, 2, "x" do end end))
print(6, pcall(function() local t = {} for i = 1, t.n do end end))
-- the error is raised before the body runs
local ran = false
print(7, pcall(function() for i = 1, "x" do ran = true end end))
print(8, ran)
