-- Multiple assignment: all expressions evaluated before any assignment.
local a, b = 1, 2
a, b = b, a
print(1, a, b)
local x, y, z = 1, 2
print(2, x, y, z)
x, y = 10, 20, 30
print(3, x, y)
local calls = 0
local function f() calls = calls + 1; return calls end
x, y = 1, 2, f()
print(4, x, y, calls)
local t = {}
local i = 3
i, t[i] = i + 1, 20
print(5, i, t[3], t[4])
t = {10, 20, 30}
i = 1
t[i], i = i, t[i]
print(6, i, t[1], t[10])
t = {}
t[1], t[2], t[3] = 1, 2
print(7, t[1], t[2], t[3])
local p, q, r = (function() return 1, 2, 3 end)()
print(8, p, q, r)
p, q, r = 0, (function() return 1, 2, 3 end)()
print(9, p, q, r)
p, q, r = (function() return 1, 2, 3 end)(), 10
print(10, p, q, r)
-- swap through table fields
t = {x = "X", y = "Y"}
t.x, t.y = t.y, t.x
print(11, t.x, t.y)
-- rotation
local a1, a2, a3 = "a", "b", "c"
a1, a2, a3 = a2, a3, a1
print(12, a1, a2, a3)
-- same variable twice on the left: only one assignment is kept
local v
v, v = 1, 2
print(13, v)
-- globals
G1, G2 = "g1", "g2"
G1, G2 = G2, G1
print(14, G1, G2)
-- table expression evaluated before the assignment
local tt = {}
local function gett() calls = calls + 1; return tt end
gett().a, gett().b = "A", "B"
print(15, tt.a, tt.b, calls)
-- local declaration with the same name twice
local w, w = 1, 2
print(16, w)
