-- sort.lua: table.sort workloads.
-- Measures: table.sort with the default comparator on numbers and strings,
-- with a Lua comparator function (many Lua calls from the sort), and sorting
-- records by a field.
-- Size: number of elements (default 20000).
local n = tonumber(arg and arg[1]) or 20000

local seed = 12345
local function rand()
  seed = (seed * 16807) % 2147483647
  return seed
end

-- Positional checksum of a sorted array of numbers.
local function checksum(t)
  local h = 0
  for i = 1, #t, 7 do h = (h + i * (t[i] % 100003)) % 1000000007 end
  return h
end

local function is_sorted(t, lt)
  for i = 2, #t do
    if lt(t[i], t[i - 1]) then return false end
  end
  return true
end

-- 1. Numbers, default comparator.
local a = {}
for i = 1, n do a[i] = rand() % 1000000 end
table.sort(a)
local ok1 = is_sorted(a, function(x, y) return x < y end)

-- 2. Numbers, descending, Lua comparator.
local b = {}
for i = 1, n do b[i] = rand() % 1000000 end
table.sort(b, function(x, y) return x > y end)
local ok2 = is_sorted(b, function(x, y) return x > y end)

-- 3. Strings, default comparator.
local s = {}
for i = 1, n / 2 do s[i] = "k" .. (rand() % 100000) end
table.sort(s)
local ok3 = is_sorted(s, function(x, y) return x < y end)
local shash = 0
for i = 1, #s, 13 do shash = (shash * 31 + #s[i] + string.byte(s[i], 2)) % 1000000007 end

-- 4. Records sorted by a numeric field, ties broken by a string field.
local recs = {}
for i = 1, n / 2 do
  recs[i] = { age = rand() % 90, name = "p" .. (rand() % 50000), id = i }
end
table.sort(recs, function(x, y)
  if x.age ~= y.age then return x.age < y.age end
  return x.name < y.name
end)
local ok4, rhash = true, 0
for i = 2, #recs do
  local p, q = recs[i - 1], recs[i]
  if q.age < p.age or (q.age == p.age and q.name < p.name) then ok4 = false end
end
for i = 1, #recs, 11 do rhash = (rhash + i * recs[i].age + #recs[i].name) % 1000000007 end

-- 5. Re-sorting already sorted and reversed input.
table.sort(a)
table.sort(b)
local ok5 = is_sorted(b, function(x, y) return x < y end)

print(string.format("sort n=%d ok=%s,%s,%s,%s,%s a=%d b=%d s=%d r=%d min=%d max=%d",
  n, tostring(ok1), tostring(ok2), tostring(ok3), tostring(ok4), tostring(ok5),
  checksum(a), checksum(b), shash, rhash, a[1], a[#a]))
