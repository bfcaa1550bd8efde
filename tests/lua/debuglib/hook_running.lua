-- Functions that were already running when a hook came report their
-- return: host functions (pcall, coroutine.yield) as Lua functions do.
local ev = {}
local function hook(event)
  local i = debug.getinfo(2, "nS")
  ev[#ev + 1] = event .. ":" .. tostring(i.name) .. ":" .. i.what
end
local function show(title)
  print(title, table.concat(ev, " "))
  ev = {}
end

pcall(debug.sethook, hook, "r")
debug.sethook()
show("pcall(sethook)")

local function lua_fn() pcall(debug.sethook, hook, "cr") return 1 end
local x = lua_fn()
debug.sethook()
show("inside a function")

local co = coroutine.create(function()
  coroutine.yield()
  local a = 1
end)
coroutine.resume(co)
debug.sethook(co, hook, "r")
coroutine.resume(co)
show("yield")

-- no event for a call that ends with an error
local ok, msg = pcall(function()
  pcall(debug.sethook, hook, "r")
  error("stop")
end)
debug.sethook()
print(ok, msg)
show("error")
