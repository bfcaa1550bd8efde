-- The length of proper sequences (no holes).
local t = {}
print(1, #t)
for i = 1, 10 do t[#t + 1] = i * i end
print(2, #t, t[#t])
t[#t] = nil
print(3, #t, t[#t])
for i = 1, 5 do t[#t] = nil end
print(4, #t)
local big = {}
for i = 1, 1000 do big[i] = true end
print(5, #big)
for i = 1000, 501, -1 do big[i] = nil end
print(6, #big)
local h = {x = 1, y = 2}
print(7, #h)
h[1] = "one"
print(8, #h)
local c = {10, 20, 30, n = "not counted"}
print(9, #c)
local z = {[0] = "zero", "one", "two"}
print(10, #z)
local s = {}
for i = 1, 100 do s[i] = i end
for i = 1, 100 do s[i] = nil end
print(11, #s, next(s))
-- building a sequence in reverse order
local r = {}
for i = 20, 1, -1 do r[i] = i end
print(12, #r)
-- length after table.insert / table.remove
local q = {}
table.insert(q, "a")
table.insert(q, "b")
table.insert(q, 1, "first")
print(13, #q, q[1], q[2], q[3])
print(14, table.remove(q), #q)
print(15, table.remove(q, 1), #q, q[1])
