-- LuaJIT's xpcall passes extra arguments to the function.
print(1, xpcall(function(...) return select('#', ...), ... end, print, 1, nil, 3))
print(2, xpcall(function(a, b) return a + b end, function(m) return "H " .. m end, 2, 3))
print(3, xpcall(function(a) error(a, 0) end, function(m) return "handled " .. m end, "arg"))
-- errors inside the handler
print(4, xpcall(function() error("x") end, function() error("again") end))
