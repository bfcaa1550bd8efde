-- __call metamethod.
local callable = setmetatable({name = "obj"}, {__call = function(self, a, b)
  return self.name, a, b
end})
print(1, callable(1, 2))
print(2, callable())
print(3, pcall(callable, "via pcall"))
-- extra arguments are passed after self
local count = setmetatable({}, {__call = function(...) return select('#', ...) end})
print(4, count(), count(nil), count(1, 2, 3))
-- __call as a method
local obj = {c = callable}
print(5, select(2, obj:c("m")) == obj, select(3, obj:c("m")))
-- __call returning many values
local multi = setmetatable({}, {__call = function() return "a", "b", "c" end})
print(6, multi())
print(7, (multi()))
-- callable table used where functions are expected
local t = {3, 1, 2}
local cmp = setmetatable({}, {__call = function(_, a, b) return a > b end})
table.sort(t, function(a, b) return cmp(a, b) end)
print(8, t[1], t[2], t[3])
-- a table without __call
print(9, pcall(function() local nc = setmetatable({}, {}); nc() end))
-- __call field must be a function in Lua 5.1: a callable table is not followed
local inner = setmetatable({}, {__call = function() return "inner" end})
local outer = setmetatable({}, {__call = inner})
print(10, pcall(outer))
-- __call on the global function lookup
Gcall = setmetatable({}, {__call = function(_, x) return "global call " .. x end})
print(11, Gcall("x"))
