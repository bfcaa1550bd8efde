-- error() with values of every type and with levels.
print(1, pcall(error, "plain"))
print(2, pcall(function() error("with position") end))
print(3, pcall(function() error("level 0", 0) end))
print(4, pcall(function() error("level 1", 1) end))
local function thrower(level) error("level " .. level, level) end
local function caller(level) thrower(level) end
print(5, pcall(caller, 2))
print(6, pcall(caller, 3))
print(7, pcall(function() error(42) end))
print(8, pcall(function() error(42, 0) end))
print(9, pcall(function() error(4.5) end))
print(10, pcall(function() error(nil) end))
print(11, pcall(function() error() end))
print(12, select('#', pcall(error)))
print(13, pcall(function() error(true) end))
local t = {}
local ok, e = pcall(function() error(t) end)
print(14, ok, e == t)
ok, e = pcall(function() error(setmetatable({}, {__tostring = function() return "custom" end})) end)
print(15, ok, tostring(e))
-- level 2 when the caller is pcall itself (a C function): no position
print(16, pcall(error, "msg", 2))
local function lvl2() error("from lvl2", 2) end
print(17, pcall(lvl2))
-- level pointing past the stack
print(18, pcall(function() error("far", 50) end))
-- error messages are not altered when they already have a position
local ok2, e2 = pcall(function() error("x") end)
print(19, pcall(function() error(e2) end))
print(20, pcall(function() error(e2, 0) end))
