-- debug.getinfo(co, level or function, options): another thread's stack.
local function brief(i)
  if i == nil then return "nil" end
  return tostring(i.short_src) .. " " .. tostring(i.what) .. " " .. tostring(i.currentline) ..
    " " .. tostring(i.name) .. " " .. tostring(i.namewhat)
end

local co = coroutine.create(function(a)
  local function inner()
    coroutine.yield(1)
  end
  inner()
  error("stop")
end)
print("not started", brief(debug.getinfo(co, 0)), brief(debug.getinfo(co, 1)))
coroutine.resume(co)
for level = 0, 3 do
  print("suspended", level, brief(debug.getinfo(co, level, "Sln")))
end
print("function", brief(debug.getinfo(co, print, "Sln")))
print("func field", debug.getinfo(co, 1, "f").func ~= nil, debug.getinfo(co, 0, "f").func == coroutine.yield)
print("tail", brief(debug.getinfo(co, -1, "Sln")))
coroutine.resume(co)
for level = 0, 2 do
  print("dead by error", level, brief(debug.getinfo(co, level, "Sln")))
end

-- the running coroutine given explicitly is the current thread
local here = coroutine.create(function()
  print("running", brief(debug.getinfo(coroutine.running(), 1, "Sln")))
  print("running, level 0", brief(debug.getinfo(coroutine.running(), 0, "Sln")))
end)
coroutine.resume(here)

-- errors count the thread argument
print(pcall(debug.getinfo, co))
print(pcall(debug.getinfo, co, 1, "?"))
print(pcall(debug.getinfo, co, {}))
