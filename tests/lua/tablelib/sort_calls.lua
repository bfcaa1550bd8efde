-- The exact sequence of comparator calls made by lua5.1's quicksort.
local function lcg(seed)
  local x = seed
  return function(n) x = (x * 16807) % 2147483647 return x % n end
end
local function trace(t)
  local log = {}
  table.sort(t, function(a, b) log[#log + 1] = a .. "<" .. b return a < b end)
  print(#log, table.concat(log, " "))
  print(table.concat(t, " "))
end
trace({2, 1})
trace({1, 2, 3})
trace({3, 2, 1})
trace({1, 1, 1, 1})
trace({4, 3, 2, 1, 5})
trace({9, 8, 7, 6, 5, 4, 3, 2, 1})
trace({1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
local r = lcg(12345)
for n = 4, 12 do
  local t = {}
  for i = 1, n do t[i] = r(10) end
  trace(t)
end
local t = {}
for i = 1, 40 do t[i] = r(1000) end
trace(t)
-- the default order makes the same comparisons, through __lt
local log = {}
local mt = {__lt = function(a, b) log[#log + 1] = a.v .. "<" .. b.v return a.v < b.v end}
local objs = {}
for i, v in ipairs({5, 3, 8, 1, 9, 2, 7}) do objs[i] = setmetatable({v = v}, mt) end
table.sort(objs)
local vs = {}
for i = 1, #objs do vs[i] = objs[i].v end
print(#log, table.concat(log, " "))
print(table.concat(vs, " "))
