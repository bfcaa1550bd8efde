-- __newindex as a function and as a table.
local log = ""
local t = setmetatable({existing = 1}, {__newindex = function(tbl, k, v)
  log = log .. tostring(k) .. "=" .. tostring(v) .. ";"
  rawset(tbl, k, v and v * 10)
end})
t.new = 5
t.existing = 2
t.new = 6
print(1, log, t.new, t.existing)
-- assigning nil to an absent key also calls __newindex
t.absent = nil
print(2, log)
-- __newindex as a table redirects the store
local store = {}
local proxy = setmetatable({}, {__newindex = store})
proxy.a = "A"
print(3, rawget(proxy, "a"), store.a)
-- a read-only table
local ro = setmetatable({}, {__index = {x = 1}, __newindex = function(_, k) error("read-only key " .. tostring(k), 2) end})
print(4, ro.x, pcall(function() ro.y = 2 end))
-- __newindex table that itself has __newindex
local inner_log = ""
local inner = setmetatable({}, {__newindex = function(_, k, v) inner_log = inner_log .. k end})
local outer = setmetatable({}, {__newindex = inner})
outer.chained = 1
print(5, inner_log, rawget(inner, "chained"), rawget(outer, "chained"))
-- rawset bypasses __newindex
rawset(proxy, "b", "B")
print(6, rawget(proxy, "b"), store.b)
-- numeric keys
local arr = setmetatable({}, {__newindex = function(tbl, k, v) rawset(tbl, k, v .. "!") end})
arr[1] = "one"
arr[1] = "again"
print(7, arr[1])
-- __newindex loop is detected
local p, q = {}, {}
setmetatable(p, {__newindex = q})
setmetatable(q, {__newindex = p})
print(8, pcall(function() p.x = 1 end))
