-- setfenv(0, ...) changes the environment of the running thread.
local env0 = getfenv(0)
print(1, env0 == _G)
local newenv = setmetatable({marker = "thread env"}, {__index = _G})
setfenv(0, newenv)
print(2, getfenv(0) == newenv)
-- functions loaded afterwards pick up the thread environment
local f = loadstring("return marker")
print(3, f())
-- existing functions keep their own environment
print(4, marker)
setfenv(0, _G)
print(5, getfenv(0) == _G)
-- coroutines have their own thread environment, inherited at creation
local co = coroutine.create(function() return getfenv(0) == _G end)
print(6, coroutine.resume(co))
