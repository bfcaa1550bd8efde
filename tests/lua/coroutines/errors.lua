-- Errors inside coroutines.
local co = coroutine.create(function() local x = nil; return x.field end)
print(1, coroutine.resume(co))
print(2, coroutine.status(co))
print(3, coroutine.resume(co))
local co2 = coroutine.create(function() coroutine.yield(1); error("second resume fails") end)
print(4, coroutine.resume(co2))
print(5, coroutine.resume(co2))
print(6, coroutine.status(co2))
-- error objects pass through resume unchanged
local obj = {}
local co3 = coroutine.create(function() error(obj) end)
local ok, e = coroutine.resume(co3)
print(7, ok, e == obj)
-- error with level 0 and level 2
print(8, coroutine.resume(coroutine.create(function() error("lvl0", 0) end)))
local function helper() error("from helper", 2) end
print(9, coroutine.resume(coroutine.create(function() helper() end)))
-- resuming things that are not coroutines
print(10, pcall(coroutine.resume, 42))
print(11, pcall(coroutine.resume))
print(12, pcall(coroutine.create, 42))
print(13, pcall(coroutine.create))
-- an error in a nested coroutine does not kill the outer one
local outer = coroutine.create(function()
  local inner = coroutine.create(function() error("inner boom") end)
  local ok, msg = coroutine.resume(inner)
  coroutine.yield(ok, msg)
  return "outer alive"
end)
print(14, coroutine.resume(outer))
print(15, coroutine.resume(outer))
-- pcall inside a coroutine catches errors normally
local co4 = coroutine.create(function()
  local ok, msg = pcall(error, "caught inside", 0)
  return ok, msg
end)
print(16, coroutine.resume(co4))
