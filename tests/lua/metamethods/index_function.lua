-- __index as a function.
local log = ""
local t = setmetatable({present = "here"}, {__index = function(tbl, key)
  log = log .. tostring(key) .. ";"
  return "computed " .. tostring(key)
end})
print(1, t.present, t.absent, t[1], t[true])
print(2, log)
-- the function receives the original table
local self_ok
local u = setmetatable({}, {__index = function(tbl, key) self_ok = rawequal(tbl, t) return nil end})
t = u
local _ = u.foo
print(3, self_ok)
-- only the first result is used
local m = setmetatable({}, {__index = function() return 1, 2, 3 end})
print(4, m.x, select('#', m.x))
-- defaults table
local function withdefault(d) return setmetatable({}, {__index = function() return d end}) end
local counts = withdefault(0)
counts.a = counts.a + 1
counts.a = counts.a + 1
counts.b = counts.b + 1
print(5, counts.a, counts.b, counts.c)
-- memoizing __index
local calls = 0
local squares = setmetatable({}, {__index = function(tbl, k) calls = calls + 1; local v = k * k; rawset(tbl, k, v); return v end})
print(6, squares[9], squares[9], squares[10], calls)
-- __index not called for existing keys, even when the value is later removed
local seen = 0
local q = setmetatable({k = 1}, {__index = function() seen = seen + 1 end})
local _ = q.k
q.k = nil
local _ = q.k
print(7, seen)
