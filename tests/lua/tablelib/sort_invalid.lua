-- Inconsistent comparators: where lua5.1 detects them, and what it leaves.
local function lcg(seed)
  local x = seed
  return function(n) x = (x * 16807) % 2147483647 return x % n end
end
local function show(t, n)
  local out = {}
  for i = 0, n do out[#out + 1] = tostring(t[i]) end
  return table.concat(out, " ")
end
local function try(label, t, n, cmp)
  local ok, err = pcall(table.sort, t, cmp)
  print(label, ok, err, show(t, n))
end
try(1, {3, 2, 1}, 3, function() return true end)
try(2, {4, 3, 2, 1}, 4, function() return true end)
try(3, {5, 1, 4, 2, 3}, 5, function() return true end)
try(4, {1, 2, 3, 4, 5}, 5, function() return false end)
try(5, {3, 3, 3, 3, 3}, 5, function(a, b) return a <= b end)
try(6, {1, 2, 3, 4, 5, 6}, 7, function(a, b) return a <= b end)
try(7, {5, 5, 1, 5, 5, 5, 5}, 8, function(a, b) return a <= b end)
local r = lcg(99)
for i = 8, 20 do
  local t = {}
  for j = 1, 12 do t[j] = r(5) end
  try(i, t, 13, function() return r(2) == 0 end)
end
-- comparisons against t[0] and t[n+1] (nil) happen with bad comparators
local seen = {}
local t = {[0] = "zero", 4, 3, 2, 1, 5}
pcall(table.sort, t, function(a, b)
  if a == "zero" or b == "zero" or a == nil or b == nil then seen[#seen + 1] = tostring(a) .. "," .. tostring(b) end
  return true
end)
print(21, table.concat(seen, " "))
local seen2 = {}
local t2 = {6, 2, 9, 1, 8, 3}
local ok2, err2 = pcall(table.sort, t2, function(a, b)
  if a == nil or b == nil then seen2[#seen2 + 1] = tostring(a) .. "," .. tostring(b) return false end
  return b <= a
end)
print(22, ok2, err2, table.concat(seen2, " "), show(t2, 7))
-- errors raised by the comparator, and the table they leave
local t3 = {5, 4, 3, 2, 1}
local n3 = 0
print(23, pcall(table.sort, t3, function(a, b) n3 = n3 + 1 if n3 == 4 then error("stop") end return a < b end))
print(24, show(t3, 5))
print(25, select(2, pcall(table.sort, {3, 2, 1}, function(a, b) error({code = 1}) end)).code)
print(26, pcall(table.sort, {3, 2, 1}, function(a, b) return a.x < b end))
print(27, pcall(table.sort, {1, 2, "3"}))
print(28, pcall(table.sort, {2, 1, nil, 4}))
print(29, pcall(table.sort, {{}, 1}))
