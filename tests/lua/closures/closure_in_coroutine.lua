-- Closures created in coroutines share upvalues with the creator.
local shared = 0
local co = coroutine.create(function()
  local inner = 0
  local function bump() shared = shared + 1; inner = inner + 1; return inner end
  coroutine.yield(bump)
  bump()
  coroutine.yield(inner)
  return inner
end)
local _, bump = coroutine.resume(co)
print(1, type(bump), bump(), shared)
print(2, coroutine.resume(co))
print(3, shared, bump())
print(4, coroutine.resume(co))
print(5, coroutine.status(co), bump(), shared)
