-- Lua 5.1 cannot yield across pcall (a C call boundary).
local co = coroutine.create(function()
  local ok, err = pcall(function()
    coroutine.yield("from inside pcall")
  end)
  print("pcall returned", ok, err)
  coroutine.yield("after pcall")
  return "finished"
end)
print(1, coroutine.resume(co))
print(2, coroutine.resume(co))
print(3, coroutine.resume(co))
print(4, coroutine.status(co))
-- a yield inside a metamethod is also across a C boundary
local mt = {__index = function(t, k) return coroutine.yield(k) end}
local co2 = coroutine.create(function()
  local t = setmetatable({}, mt)
  return t.key
end)
print(5, coroutine.resume(co2))
-- yield inside an iterator called by a generic for is fine (no C boundary)
local co3 = coroutine.create(function()
  local function iter(_, i) i = i + 1; if i <= 2 then coroutine.yield("iter " .. i) return i end end
  for i in iter, nil, 0 do end
  return "loop done"
end)
print(6, coroutine.resume(co3))
print(7, coroutine.resume(co3))
print(8, coroutine.resume(co3))
-- yield across table.sort's comparator
local co4 = coroutine.create(function()
  table.sort({3, 2, 1}, function(a, b) coroutine.yield() return a < b end)
end)
print(9, coroutine.resume(co4))
