-- debug.traceback(co, msg, level): the stack of another coroutine.
local co = coroutine.create(function(a)
  local x = 1
  coroutine.yield(x)
  error("boom")
end)
print(debug.traceback(co))
print(debug.traceback(co, "not started"))
coroutine.resume(co)
print(debug.traceback(co))
print(debug.traceback(co, "msg"))
print(debug.traceback(co, "msg", 0))
print(debug.traceback(co, "msg", 1))
print(debug.traceback(co, "msg", 2))
print(debug.traceback(co, "msg", -1))
print(debug.traceback(co, nil))
print(debug.traceback(co, 5))
print(type(debug.traceback(co, {})))
print(coroutine.resume(co))
print(debug.traceback(co))
print(debug.traceback(co, "dead"))

-- a coroutine that ended normally has no stack
local done = coroutine.create(function() return 1 end)
coroutine.resume(done)
print(debug.traceback(done, "finished"))

-- the running coroutine, given or not: level 1 is its caller
local inside = coroutine.create(function()
  print(debug.traceback(coroutine.running(), "given"))
  print(debug.traceback("not given"))
  print(debug.traceback(coroutine.running(), "given, level 0", 0))
end)
coroutine.resume(inside)

-- a normal coroutine (it resumed another one)
local outer
local innerco = coroutine.create(function()
  print(debug.traceback(outer, "normal"))
end)
outer = coroutine.create(function()
  local function resumer() coroutine.resume(innerco) end
  resumer()
end)
coroutine.resume(outer)

-- nested levels inside a coroutine
local nested = coroutine.create(function()
  local function a() coroutine.yield() end
  local function b() a() end
  b()
end)
coroutine.resume(nested)
print(debug.traceback(nested, "nested"))
print(debug.traceback(nested, "nested", 2))
