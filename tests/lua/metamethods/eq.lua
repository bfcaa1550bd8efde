-- __eq: Lua 5.1 rules.
local log = ""
local eqmt = {__eq = function(a, b) log = log .. "eq;" return a.id == b.id end}
local a = setmetatable({id = 1}, eqmt)
local b = setmetatable({id = 1}, eqmt)
local c = setmetatable({id = 2}, eqmt)
print(1, a == b, a == c, a ~= b, a ~= c)
print(2, log)
-- identical objects: no call
log = ""
print(3, a == a, log)
-- comparing with a non-table: no call, false
log = ""
print(4, a == 1, a == "x", a == nil, log)
-- different metatables with the same __eq function: called
local f = function(x, y) return true end
local p = setmetatable({}, {__eq = f})
local q = setmetatable({}, {__eq = f})
print(5, p == q)
-- different __eq functions: not called, false
local r = setmetatable({}, {__eq = function() return true end})
local s = setmetatable({}, {__eq = function() return true end})
print(6, r == s, r ~= s)
-- only one operand has __eq: not called
local plain = {}
print(7, p == plain, plain == p)
-- result converted to boolean
local tr = setmetatable({}, {__eq = function() return "yes" end})
local tr2 = setmetatable({}, getmetatable(tr))
local fa = setmetatable({}, {__eq = function() return nil end})
local fa2 = setmetatable({}, getmetatable(fa))
print(8, tr == tr2, fa == fa2, fa ~= fa2)
-- rawequal ignores __eq
print(9, rawequal(a, b), rawequal(a, a))
-- __eq not used for table keys
local keys = {}
keys[a] = "a"
print(10, keys[b])
-- userdata with __eq
local u1 = newproxy(true)
getmetatable(u1).__eq = function() return true end
local u2 = newproxy(u1)
print(11, u1 == u2)
