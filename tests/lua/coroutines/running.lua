-- coroutine.running
print(1, coroutine.running())
local co
co = coroutine.create(function()
  local r = coroutine.running()
  print(2, r == co, type(r))
  local inner = coroutine.create(function() print(3, coroutine.running() ~= co) end)
  coroutine.resume(inner)
  print(4, coroutine.running() == co)
end)
coroutine.resume(co)
print(5, coroutine.running())
local w = coroutine.wrap(function() return type(coroutine.running()) end)
print(6, w())
