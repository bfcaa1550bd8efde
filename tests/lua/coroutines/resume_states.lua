-- Resuming coroutines that are not suspended.
local co
co = coroutine.create(function()
  print(1, coroutine.resume(co))
  return "ok"
end)
print(2, coroutine.resume(co))
print(3, coroutine.resume(co))
-- resuming a normal coroutine (one that resumed another)
local a, b
a = coroutine.create(function() coroutine.resume(b) end)
b = coroutine.create(function() print(4, coroutine.resume(a)) end)
coroutine.resume(a)
-- wrap of a dead coroutine
local w = coroutine.wrap(function() return 1 end)
print(5, w())
print(6, pcall(w))
-- resuming a wrapped coroutine from inside itself
local self_w
self_w = coroutine.wrap(function() return pcall(self_w) end)
print(7, self_w())
