-- coroutine.wrap: generators and error propagation.
local gen = coroutine.wrap(function(a)
  local b = coroutine.yield(a * 2)
  local c = coroutine.yield(b + 1)
  return "end", c
end)
print(1, gen(5))
print(2, gen(10))
print(3, gen("last"))
print(4, pcall(gen))
-- errors inside a wrapped coroutine propagate to the caller with position
local bad = coroutine.wrap(function() error("inside wrap") end)
print(5, pcall(bad))
local bad2 = coroutine.wrap(function() local x = nil; return x.f end)
print(6, pcall(bad2))
-- non-string errors are propagated unchanged
local t = {}
local bad3 = coroutine.wrap(function() error(t) end)
local ok, e = pcall(bad3)
print(7, ok, e == t)
-- wrap returns a function
print(8, type(gen))
-- wrap of a non-function
print(9, pcall(coroutine.wrap, 42))
-- the wrapped function can be used as an iterator
local function range(n)
  return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end)
end
local s = 0
for i in range(10) do s = s + i end
print(10, s)
-- error level 0 message through wrap
local bad4 = coroutine.wrap(function() error("plain", 0) end)
print(11, pcall(bad4))
-- a dead wrapped coroutine called from a Lua function: the message gets a position
print(12, pcall(function() return gen() end))
local bad5 = coroutine.wrap(function() error("again") end)
print(13, pcall(function() local r = bad5() return r end))
