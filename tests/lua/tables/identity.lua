-- Tables are compared and passed by reference.
local a = {1, 2}
local b = {1, 2}
local c = a
print(1, a == b, a == c, a ~= b)
c[1] = "changed"
print(2, a[1])
local function mutate(t) t.x = "mutated" end
mutate(a)
print(3, c.x)
-- cycles
local node1, node2 = {}, {}
node1.next = node2
node2.next = node1
print(4, node1.next.next == node1, node1.next.next.next == node2)
local selfref = {}
selfref.me = selfref
print(5, selfref.me.me.me == selfref)
-- a table containing itself as a key
selfref[selfref] = "self key"
print(6, selfref[selfref])
-- garbage cycles are collected without trouble
local function mkcycle() local p, q = {}, {}; p.q = q; q.p = p end
for i = 1, 100 do mkcycle() end
collectgarbage("collect")
print(7, "collected")
