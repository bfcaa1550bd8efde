-- LuaJIT yields across pcall: a coroutine suspended inside pcall and
-- resumed by another resumer each time still returns to that resumer, and
-- the error caught there, or the one that ends it, goes to the right place.
local co = coroutine.create(function(a)
  local ok, e = pcall(function()
    local b = coroutine.yield(a + 1)
    local c = coroutine.yield(b + 1)
    error("in pcall " .. c, 0)
  end)
  local d = coroutine.yield(e)
  error("after pcall " .. d, 0)
end)
local function from_coroutine(...)
  return coroutine.resume(coroutine.create(function(...) return coroutine.resume(co, ...) end),
    ...)
end
print(coroutine.resume(co, 1))
print(from_coroutine(10))
print(coroutine.resume(co, 20))
print(from_coroutine(30))
print(coroutine.status(co), coroutine.resume(co))
