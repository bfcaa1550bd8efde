-- pairs and next.
local function sortedkeys(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = tostring(k) end
  table.sort(ks)
  return table.concat(ks, " ")
end
print(1, sortedkeys({a = 1, b = 2, 10, 20, [3.5] = true, [false] = 0}))
print(2, next({}))
print(3, next({"only"}))
local k, v = next({x = "vx"})
print(4, k, v)
print(5, next({"a"}, 1))
-- pairs returns next, the table, and nil
local f, s, c = pairs({})
print(6, type(f), type(s), c)
-- manual iteration with next visits every key exactly once
local t = {}
for i = 1, 50 do t["k" .. i] = i end
local n, sum = 0, 0
local key = next(t)
while key ~= nil do n = n + 1; sum = sum + t[key]; key = next(t, key) end
print(7, n, sum)
-- assigning nil to existing fields during traversal is allowed
for k in pairs(t) do t[k] = nil end
print(8, next(t))
-- changing values of existing fields during traversal is allowed
local u = {a = 1, b = 2, c = 3}
for k, v in pairs(u) do u[k] = v * 10 end
print(9, u.a, u.b, u.c)
-- next with a key that is not in the table
print(10, pcall(next, {a = 1}, "zzz"))
print(11, pcall(next))
print(12, pcall(next, nil))
print(13, pcall(pairs))
-- pairs ignores __index and counts only raw entries
local p = setmetatable({own = 1}, {__index = {inherited = 2}})
print(14, sortedkeys(p))
-- array and hash parts both iterated
local mixed = {1, 2, 3, x = "x", y = "y"}
local cnt = 0
for _ in pairs(mixed) do cnt = cnt + 1 end
print(15, cnt)
-- numeric keys come back as numbers
local nk = {}
for k in pairs({[1] = true, [2.5] = true}) do nk[#nk + 1] = type(k) end
print(16, nk[1], nk[2])
