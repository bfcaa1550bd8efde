-- coroutines.lua: coroutine ping-pong and generators.
-- Measures: coroutine.resume/yield round trips with values passed both ways,
-- coroutine.wrap generators, yielding across nested Lua calls, creating many
-- short-lived coroutines.
-- Size: number of ping-pong round trips (default 100000).
local n = tonumber(arg and arg[1]) or 100000

-- 1. Ping-pong: values flow in via resume and out via yield.
local co = coroutine.create(function(a)
  local sum = 0
  while true do
    sum = (sum + a) % 1000003
    a = coroutine.yield(sum % 1000)
  end
end)
local pp = 0
for i = 1, n do
  local ok, v = coroutine.resume(co, i)
  if not ok then error(v) end
  pp = pp + v
end

-- 2. Two coroutines passing a token back and forth through a scheduler.
local function player(step)
  return coroutine.create(function(token)
    while true do token = coroutine.yield(token + step) end
  end)
end
local p1, p2 = player(1), player(2)
local token = 0
for _ = 1, n / 2 do
  local _, t1 = coroutine.resume(p1, token)
  local _, t2 = coroutine.resume(p2, t1)
  token = t2 % 65536
end

-- 3. A recursive generator (yield from nested calls): in-order tree walk.
local function build(lo, hi)
  if lo > hi then return nil end
  local mid = math.floor((lo + hi) / 2)
  return { value = mid, left = build(lo, mid - 1), right = build(mid + 1, hi) }
end
local tree = build(1, 2000)
local function walk(node)
  if node then
    walk(node.left)
    coroutine.yield(node.value)
    walk(node.right)
  end
end
local gsum, gcount = 0, 0
for _ = 1, math.max(1, math.floor(n / 6000)) do
  for v in coroutine.wrap(function() walk(tree) end) do
    gsum = gsum + v
    gcount = gcount + 1
  end
end

-- 4. Producer / filter / consumer pipeline.
local function producer(limit)
  return coroutine.wrap(function()
    for i = 1, limit do coroutine.yield(i) end
  end)
end
local function filter(src, pred)
  return coroutine.wrap(function()
    for v in src do
      if pred(v) then coroutine.yield(v) end
    end
  end)
end
local csum = 0
for v in filter(producer(n / 2), function(x) return x % 3 == 0 end) do
  csum = csum + v
end

-- 5. Many short-lived coroutines.
local created = 0
for i = 1, n / 20 do
  local c = coroutine.create(function(x) local y = coroutine.yield(x * 2); return x + y end)
  local _, a = coroutine.resume(c, i)
  local _, b = coroutine.resume(c, a)
  if coroutine.status(c) == "dead" then created = created + b % 10 end
end

print(string.format("coroutines n=%d pingpong=%d token=%d gen=%d/%d pipeline=%d short=%d",
  n, pp, token, gcount, gsum, csum, created))
