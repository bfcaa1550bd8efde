-- Deep recursion inside coroutines.
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
local co = coroutine.create(function(n) return depth(n) end)
print(1, coroutine.resume(co, 10000))
-- yield from deep inside a recursion
local function deepyield(n) if n == 0 then coroutine.yield("bottom") return 0 end return 1 + deepyield(n - 1) end
local co2 = coroutine.create(function() return deepyield(5000) end)
print(2, coroutine.resume(co2))
print(3, coroutine.resume(co2))
-- stack overflow inside a coroutine is reported by resume
local function inf() return 1 + inf() end
local co3 = coroutine.create(inf)
local ok, msg = coroutine.resume(co3)
print(4, ok, string.sub(msg, -14) == "stack overflow", coroutine.status(co3))
-- the main thread is unaffected
print(5, depth(1000))
-- many coroutines alive at once
local cos = {}
for i = 1, 100 do cos[i] = coroutine.create(function(x) local y = coroutine.yield(x + 1) return y * 2 end) end
local s = 0
for i = 1, 100 do local _, v = coroutine.resume(cos[i], i) s = s + v end
for i = 1, 100 do local _, v = coroutine.resume(cos[i], i) s = s + v end
print(6, s)
-- coroutines nested 50 deep
local function nest(n)
  if n == 0 then return "bottom" end
  local c = coroutine.create(nest)
  local ok, v = coroutine.resume(c, n - 1)
  return v
end
print(7, nest(50))
