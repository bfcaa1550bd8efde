-- 5.1 gives an assignment to a field the line where the value ends, and a
-- for loop's checks the line where its last control expression ends
local t, n = {}, nil
print(pcall(function() t.x.y =
  1 end))
print(pcall(function() t.x[1], t.y =
  1, 2 end))
print(pcall(function() for i = 1,
  n do end end))
print(pcall(function() for i = 1, 2,
  {} do end end))
