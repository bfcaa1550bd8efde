-- Generators with coroutine.wrap used by generic for.
local function permgen(a, n)
  n = n or #a
  if n <= 1 then coroutine.yield(a)
  else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      permgen(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
local function permutations(a)
  return coroutine.wrap(function() permgen(a) end)
end
local count, out = 0, {}
for p in permutations({"a", "b", "c"}) do
  count = count + 1
  out[#out + 1] = table.concat(p)
end
table.sort(out)
print(1, count, table.concat(out, " "))
-- tree walker yielding from nested recursion
local tree = {v = 4, l = {v = 2, l = {v = 1}, r = {v = 3}}, r = {v = 6, l = {v = 5}, r = {v = 7}}}
local function walk(node)
  if node then walk(node.l); coroutine.yield(node.v); walk(node.r) end
end
local s = ""
for v in coroutine.wrap(function() walk(tree) end) do s = s .. v end
print(2, s)
-- fibonacci generator
local function fib()
  return coroutine.wrap(function()
    local a, b = 0, 1
    while true do coroutine.yield(a); a, b = b, a + b end
  end)
end
local f = fib()
local first = {}
for i = 1, 10 do first[i] = f() end
print(3, table.concat(first, ","))
-- producer / consumer with filters
local function producer()
  return coroutine.create(function() for i = 1, 5 do coroutine.yield(i) end end)
end
local function filter(src)
  return coroutine.create(function()
    while true do
      local ok, v = coroutine.resume(src)
      if not v then break end
      if v % 2 == 1 then coroutine.yield(v * 10) end
    end
  end)
end
local p = filter(producer())
local got = {}
while true do
  local ok, v = coroutine.resume(p)
  if not v then break end
  got[#got + 1] = v
end
print(4, table.concat(got, ","))
