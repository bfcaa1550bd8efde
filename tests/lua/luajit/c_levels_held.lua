-- Coroutines that yield inside pcall (LuaJIT allows it) keep the C levels
-- they hold to themselves: suspended, resumed later, or collected while
-- suspended, they never count against the thread that resumed them.
local depth = 0
local function f(k)
  depth = depth + 1
  if k > 0 then
    local ok, e = pcall(f, k - 1)
    if not ok then error(e, 0) end
  end
end
local function nest()
  depth = 0
  local ok, e = pcall(f, 150)
  return tostring(ok) .. " " .. tostring(e) .. " " .. depth
end

local cos = {}
for i = 1, 300 do
  local co = coroutine.create(function()
    pcall(function() pcall(function() coroutine.yield(i) end) end)
    return "done" .. i
  end)
  assert(select(2, coroutine.resume(co)) == i)
  cos[i] = co
end
print("suspended", nest())

-- resumed from deeper than where they yielded, and finishing there
local function resume_all(k)
  if k > 0 then return pcall(resume_all, k - 1) end
  for i = 1, 300 do
    local ok, r = coroutine.resume(cos[i])
    assert(ok and r == "done" .. i, r)
  end
  return true
end
print("resumed deep", resume_all(20))
print("after", nest())

-- collected while suspended inside pcall
for i = 1, 300 do
  local co = coroutine.create(function() pcall(function() coroutine.yield() end) end)
  coroutine.resume(co)
end
collectgarbage()
collectgarbage()
print("collected", nest())
