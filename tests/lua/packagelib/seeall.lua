-- package.seeall
local t = {}
print(1, package.seeall(t))
print(2, getmetatable(t).__index == _G, t.print == print, rawget(t, "print"))
-- an existing metatable is kept and given __index
local mt = {__tostring = function() return "with mt" end}
local u = setmetatable({}, mt)
package.seeall(u)
print(3, getmetatable(u) == mt, mt.__index == _G, tostring(u))
-- __index is replaced
local v = setmetatable({}, {__index = {a = 1}})
package.seeall(v)
print(4, v.a, v.type == type)
-- a protected metatable is still changed (seeall uses the raw metatable)
local w = setmetatable({}, {__metatable = "locked"})
print(5, pcall(package.seeall, w))
print(6, getmetatable(w), w.print == print)
-- errors
print(7, pcall(package.seeall))
print(8, pcall(package.seeall, "x"))
print(9, pcall(function() package.seeall(nil) end))
-- the environment used is the global table
local env = {}
setmetatable(env, {__index = _G})
local f = setfenv(function() local x = {}; package.seeall(x); return x.print end, env)
print(10, f() == print)
