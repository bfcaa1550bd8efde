-- lua5.1's parser limits start from the C calls already active (nCcalls):
-- probe them through the largest assignment loadstring accepts.
local function room()
  for n = 200, 150, -1 do
    local src = string.rep("a, ", n - 1) .. "b = 1"
    if loadstring(src, "=probe") then return n end
  end
  return "none"
end
print("main", room())
print("pcall", pcall(room))
print("pcall pcall", pcall(pcall, room))
print("xpcall", xpcall(room, print))
print("xpcall handler", xpcall(function() error("x") end, function() return room() end))
local mt = {}
mt.__index = function() return room() end
mt.__add = function() return room() end
mt.__call = function() return room() end
mt.__concat = function() return room() end
mt.__eq = function() return room() ~= nil end
local obj = setmetatable({}, mt)
print("__index", obj.x)
print("__add", obj + 1)
print("__call", obj())
print("__concat", obj .. "s")
print("__call pcall", pcall(obj))
for v in function(_, i) if not i then return room() end end do print("iterator", v) end
local t = {3, 1, 2}
local seen
table.sort(t, function(a, b) seen = seen or room(); return a < b end)
print("sort", seen)
print("gsub", (string.gsub("x", "x", function() return tostring(room()) end)))
print("tostring", tostring(setmetatable({}, {__tostring = function() return tostring(room()) end})))
local co = coroutine.create(function() coroutine.yield(room()); return room() end)
print("resume", coroutine.resume(co))
print("resume again", coroutine.resume(co))
print("wrap", coroutine.wrap(function() return room() end)())
print("nested", coroutine.wrap(function()
  return coroutine.wrap(function() return pcall(room) end)()
end)())
local function tail() return room() end
local function calls_tail() return tail() end
print("tail", calls_tail())
print("deep lua", (function() return (function() return room() end)() end)())
print("foreach", table.foreach({1}, function() return room() end))
print("loadstring chunk", loadstring("return ...")(room()))
print("in loaded chunk", loadstring("local room = ... return room()")(room))
local hooked
debug.sethook(function() if not hooked then hooked = room() end end, "c")
local function callee() end
callee()
debug.sethook()
print("hook", hooked)
package.preload.probe = function() return room() end
print("require", require("probe"))
print("coroutine in pcall", pcall(coroutine.wrap(function() return pcall(room) end)))
print("xpcall in coroutine", coroutine.wrap(function()
  return xpcall(function() error("x") end, function() return room() end)
end)())
print("__index chain", setmetatable({}, {__index = setmetatable({}, mt)}).y)
local lt = {__lt = function() return room() end}
print("__lt", setmetatable({}, lt) < setmetatable({}, lt))
