-- __index as a table.
local base = {x = "base x", y = "base y"}
local t = setmetatable({x = "own x"}, {__index = base})
print(1, t.x, t.y, t.z)
print(2, rawget(t, "y"), rawget(t, "x"))
base.z = "added later"
print(3, t.z)
t.y = "own y"
print(4, t.y, base.y)
t.y = nil
print(5, t.y)
-- numeric keys go through __index too
local arr = setmetatable({}, {__index = {10, 20, 30}})
print(6, arr[1], arr[3], arr[4], #arr)
-- a key present with value false is not looked up
local f = setmetatable({flag = false}, {__index = {flag = true}})
print(7, f.flag)
-- changing the metatable's __index field takes effect immediately
local mt = {__index = {v = 1}}
local o = setmetatable({}, mt)
print(8, o.v)
mt.__index = {v = 2}
print(9, o.v)
mt.__index = nil
print(10, o.v)
-- __index on a table with a metatable that has no __index
print(11, setmetatable({}, {}).anything)
