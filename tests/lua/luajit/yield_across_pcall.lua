-- LuaJIT can yield across pcall, metamethods and iterators.
local co = coroutine.create(function()
  local ok, err = pcall(function()
    local got = coroutine.yield("from inside pcall")
    return got
  end)
  print("pcall returned", ok, err)
  coroutine.yield("after pcall")
  return "finished"
end)
print(1, coroutine.resume(co))
print(2, coroutine.resume(co, "resumed value"))
print(3, coroutine.resume(co))
print(4, coroutine.status(co))
-- a yield inside an __index metamethod
local mt = {__index = function(t, k) return coroutine.yield(k) end}
local co2 = coroutine.create(function()
  local t = setmetatable({}, mt)
  return "value: " .. t.key
end)
print(5, coroutine.resume(co2))
print(6, coroutine.resume(co2, "V"))
-- yield inside an iterator called by a generic for
local co3 = coroutine.create(function()
  local function iter(_, i) i = i + 1; if i <= 2 then coroutine.yield("iter " .. i) return i end end
  for i in iter, nil, 0 do end
  return "loop done"
end)
print(7, coroutine.resume(co3))
print(8, coroutine.resume(co3))
print(9, coroutine.resume(co3))
-- an error after yielding inside pcall is still caught by that pcall
local co4 = coroutine.create(function()
  local ok, e = pcall(function() coroutine.yield(1) error("after yield", 0) end)
  return ok, e
end)
print(10, coroutine.resume(co4))
print(11, coroutine.resume(co4))
-- yield across xpcall; the handler runs in the coroutine
local co5 = coroutine.create(function()
  return xpcall(function() coroutine.yield("x") error("boom", 0) end, function(m) return "handled " .. m end)
end)
print(12, coroutine.resume(co5))
print(13, coroutine.resume(co5))
