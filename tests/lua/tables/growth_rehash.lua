-- Tables grow and shrink through many insertions and deletions.
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
local t = {}
for i = 1, 10000 do t["k" .. i] = i end
print(1, count(t), t.k1, t.k10000)
for i = 1, 10000, 2 do t["k" .. i] = nil end
print(2, count(t), t.k1, t.k2)
for i = 1, 10000, 2 do t["k" .. i] = -i end
print(3, count(t), t.k1, t.k9999)
-- mixed array and hash growth
local m = {}
for i = 1, 500 do m[i] = i; m[-i] = -i; m[i + 0.5] = i end
print(4, count(m), #m, m[-250], m[250.5])
-- sparse numeric keys
local s = {}
for i = 1, 100 do s[i * 1000] = i end
print(5, count(s), s[50000], s[1])
-- sum of values over pairs does not depend on order
local sum = 0
for k, v in pairs(m) do sum = sum + v end
print(6, sum)
-- reuse after clearing
for k in pairs(s) do s[k] = nil end
print(7, count(s), next(s))
for i = 1, 10 do s[i] = i end
print(8, count(s), #s)
