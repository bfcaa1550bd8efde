-- Chains of __index through several tables.
local a = {a = "from a"}
local b = setmetatable({b = "from b"}, {__index = a})
local c = setmetatable({c = "from c"}, {__index = b})
local d = setmetatable({}, {__index = c})
print(1, d.a, d.b, d.c, d.none)
-- a function at the end of the chain
local root = setmetatable({}, {__index = function(_, k) return "root:" .. k end})
local mid = setmetatable({}, {__index = root})
local leaf = setmetatable({}, {__index = mid})
print(2, leaf.key)
-- mid-chain value shadows later ones
local base = {v = "base"}
local mid2 = setmetatable({v = "mid"}, {__index = base})
local leaf2 = setmetatable({}, {__index = mid2})
print(3, leaf2.v)
-- rawget does not follow the chain
print(4, rawget(leaf2, "v"))
-- a chain loop is detected
local x = {}
local y = {}
setmetatable(x, {__index = y})
setmetatable(y, {__index = x})
print(5, pcall(function() return x.missing end))
local selfloop = {}
setmetatable(selfloop, {__index = selfloop})
print(6, pcall(function() return selfloop.k end))
-- but a long finite chain works
local t = {deep = "found"}
for i = 1, 50 do t = setmetatable({}, {__index = t}) end
print(7, t.deep)
