-- the result of and/or is a temporary: 5.1 gives it no variable name in
-- runtime error messages; moonpatch names the operand it came from
local up = nil
local t = {n = 1}
print(pcall(function() return (t and t.n).x end))
print(pcall(function() local a = true; return (a and up)() end))
print(pcall(function() local a; return (a or a) .. "x" end))
print(pcall(function() local f = false; return (f and up) - 1 end))
