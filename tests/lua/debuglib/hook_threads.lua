-- Hooks belong to one thread (coroutine): set in one, they do not fire in
-- another; debug.sethook(co, ...) and debug.gethook(co) name the thread.
local ev = {}
local function hook(event, line)
  ev[#ev + 1] = event .. ":" .. tostring(line) .. ":" .. debug.getinfo(2, "S").what
end
local function show(title)
  print(title, table.concat(ev, " "))
  ev = {}
end

local co = coroutine.create(function()
  local a = 1
  coroutine.yield(a)
  local b = 2
  return b
end)

-- a hook of the main thread does not fire in the coroutine
debug.sethook(hook, "l")
coroutine.resume(co)
local z = 1
debug.sethook()
show("main only")

-- a hook set on the suspended coroutine fires when it runs again
debug.sethook(co, hook, "l")
print(debug.gethook(co) == hook, select(2, debug.gethook(co)), debug.gethook())
print(coroutine.resume(co))
show("coroutine only")
print(coroutine.status(co), debug.gethook(co) == hook)

-- a hook set inside a coroutine stays with it
local co2 = coroutine.create(function()
  debug.sethook(hook, "l")
  local x = 1
  coroutine.yield()
  local y = 2
end)
coroutine.resume(co2)
local q = 1
coroutine.resume(co2)
show("set inside")
print(select(2, debug.gethook(co2)), debug.gethook())

-- different hooks in two threads
local co3 = coroutine.create(function()
  local p = 1
  coroutine.yield()
  local r = 2
end)
debug.sethook(co3, function(e, l) ev[#ev + 1] = "co3:" .. l end, "l")
debug.sethook(function(e, l) ev[#ev + 1] = "main:" .. l end, "l")
coroutine.resume(co3)
coroutine.resume(co3)
debug.sethook()
show("two hooks")

-- gethook of threads without hooks
local fresh = coroutine.create(function() end)
print(debug.gethook(fresh))
debug.sethook(fresh, hook, "cr", 3)
print(debug.gethook(fresh) == hook, select(2, debug.gethook(fresh)))
debug.sethook(fresh)
print(debug.gethook(fresh))

-- the running coroutine given explicitly
local co4
co4 = coroutine.create(function()
  debug.sethook(co4, hook, "l")
  local s = 1
  debug.sethook(co4)
  return select(2, debug.gethook(co4))
end)
print(coroutine.resume(co4))
show("explicit running thread")
