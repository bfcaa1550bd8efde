-- coroutine.status in every state.
local main_co
local inner_status
local a, b
a = coroutine.create(function()
  print("a running:", coroutine.status(a))
  coroutine.resume(b)
  coroutine.yield()
end)
b = coroutine.create(function()
  print("b sees a as:", coroutine.status(a))
  print("b sees itself as:", coroutine.status(b))
end)
print(1, coroutine.status(a), coroutine.status(b))
coroutine.resume(a)
print(2, coroutine.status(a), coroutine.status(b))
coroutine.resume(a)
print(3, coroutine.status(a))
print(4, pcall(coroutine.status, nil))
print(5, pcall(coroutine.status, {}))
-- a coroutine that errored is dead
local c = coroutine.create(function() error("x") end)
coroutine.resume(c)
print(6, coroutine.status(c))
