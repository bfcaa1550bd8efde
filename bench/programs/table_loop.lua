-- table_loop.lua: table-heavy loops.
-- Measures: array-part stores and loads (t[i] = ...), the length operator,
-- ipairs/pairs iteration, hash-part writes and reads with string keys, and
-- constant-key field access (obj.x).
-- Size: number of array elements (default 100000).
local n = tonumber(arg and arg[1]) or 100000

-- 1. Fill the array part and sum it with a numeric for loop.
local t = {}
for i = 1, n do
  t[i] = (i * 7) % 1000
end
local sum = 0
for i = 1, #t do
  sum = sum + t[i]
end

-- 2. Read-modify-write over the array part, then sum with ipairs.
for i = 2, #t do
  t[i] = (t[i] + t[i - 1]) % 65536
end
local isum = 0
for _, v in ipairs(t) do
  isum = isum + v
end

-- 3. Hash part with string keys: counters keyed by a rotating set of names.
local nkeys = 500
local keys = {}
for i = 1, nkeys do
  keys[i] = "key" .. i
end
local h = {}
for i = 1, n do
  local k = keys[i % nkeys + 1]
  h[k] = (h[k] or 0) + i % 97
end
local hsum, hcount = 0, 0
for k, v in pairs(h) do
  hcount = hcount + 1
  hsum = hsum + v + #k
end
-- Random-ish reads of existing and missing string keys.
local hits = 0
for i = 1, n do
  if h[keys[(i * 31) % nkeys + 1]] then hits = hits + 1 end
  if h["missing"] then hits = hits - 1 end
end

-- 4. Record-like field access with constant keys.
local obj = { x = 0, y = 0, z = 0 }
for i = 1, n do
  obj.x = obj.x + 1
  obj.y = obj.y + obj.x % 3
  obj.z = (obj.z + obj.y) % 1000003
end

-- 5. Growing and shrinking with t[#t+1] and t[#t] = nil.
local stack = {}
local popped = 0
for i = 1, n do
  stack[#stack + 1] = i
  if i % 3 == 0 then
    popped = popped + stack[#stack]
    stack[#stack] = nil
  end
end

print(string.format("table_loop n=%d sum=%d isum=%d hcount=%d hsum=%d hits=%d obj=%d,%d,%d stack=%d popped=%d",
  n, sum, isum, hcount, hsum, hits, obj.x, obj.y, obj.z, #stack, popped))
