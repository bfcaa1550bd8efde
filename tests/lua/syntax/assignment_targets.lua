-- Assignment targets: globals, fields, nested indexes, computed keys.
G = 1
print(1, G, _G.G)
_G.H = 2
print(2, H)
local t = {a = {b = {}}}
t.a.b.c = "deep"
print(3, t.a.b.c, t["a"]["b"]["c"])
t["a"].b["d"] = "mixed"
print(4, t.a.b.d)
local n = 0
local function key() n = n + 1; return "k" .. n end
t[key()] = "v"
print(5, t.k1, n)
t[key()], t[key()] = "x", "y"
print(6, t.k2, t.k3)
local i = 1
t[i + 1], t[i * 10] = "two", "ten"
print(7, t[2], t[10])
-- assigning to a field of a non-table errors
print(8, pcall(function() local s = nil; s.x = 1 end))
print(9, pcall(function() undefinedglobal.x = 1 end))
print(10, pcall(function() t.a.zz.y = 1 end))
-- assignment to a string field goes through the string metatable, which has no __newindex
print(11, pcall(function() local s = "x"; s.y = 1 end))
-- numeric keys normalize: t[1.0] is t[1]
t = {}
t[1.0] = "float one"
print(12, t[1])
t[2] = "two"
print(13, t[2.0])
-- nil key and NaN key assignments are errors
print(14, pcall(function() t[nil] = 1 end))
print(15, pcall(function() t[0/0] = 1 end))
-- reading them is fine
print(16, t[nil], t[0/0])
