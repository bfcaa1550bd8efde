-- table.sort with the default order and with comparators.
local function lcg(seed)
  local x = seed
  return function(n) x = (x * 16807) % 2147483647 return x % n end
end
local function str(t) return table.concat(t, " ") end
local t = {5, 2, 8, 1, 9, 3}
table.sort(t)
print(1, str(t))
table.sort(t, function(a, b) return a > b end)
print(2, str(t))
local w = {"banana", "apple", "Cherry", "apple", "", "b"}
table.sort(w)
print(3, str(w))
local e = {}
table.sort(e)
print(4, #e)
local one = {42}
table.sort(one, function() error("never called") end)
print(5, one[1])
local r = lcg(7)
local big = {}
for i = 1, 500 do big[i] = r(100) end
table.sort(big)
local ok = true
for i = 2, #big do if big[i - 1] > big[i] then ok = false end end
print(6, ok, big[1], big[250], big[500])
local d = {}
for i = 1, 300 do d[i] = r(1000) - 500 + r(7) / 8 end
table.sort(d, function(a, b) return a > b end)
print(7, d[1], d[2], d[150], d[299], d[300])
local nz = -tonumber("0")
local z = {1, 0, nz, -1, nz, 0}
table.sort(z)
print(8, str(z))
local s = {"b", "a", "c"}
table.sort(s, nil)
print(9, str(s))
local recs = {}
for i = 1, 20 do recs[i] = {key = r(5), id = i} end
table.sort(recs, function(a, b) return a.key < b.key end)
local out = {}
for i = 1, 20 do out[i] = recs[i].key .. ":" .. recs[i].id end
print(10, str(out))
local inf = 1 / 0
local f = {3, inf, -inf, 0.5, -2}
table.sort(f)
print(11, str(f))
local strs = {"\255", "a\0b", "a", "a\0", "A", "\0"}
table.sort(strs)
local lens = {}
for i = 1, #strs do lens[i] = #strs[i] end
print(12, str(lens))
print(13, pcall(table.sort, {3, 1, 2}, 1))
print(14, pcall(table.sort, {3, 1, 2}, {}))
print(15, pcall(table.sort))
print(16, pcall(table.sort, "abc"))
print(17, pcall(table.sort, 1, 2))
local mixed = {1, "x", 2}
print(18, pcall(table.sort, mixed))
print(19, pcall(table.sort, {{}, {}}))
print(20, pcall(table.sort, {1, nil, 3}))
print(21, pcall(table.sort, {true, false}))
local calls = 0
table.sort({3, 2, 1}, function(a, b) calls = calls + 1 return a < b end)
print(22, calls)
local tt = {3, 1, 2}
table.sort(tt, function(a, b) return a < b and 1 or nil end)
print(23, str(tt))
