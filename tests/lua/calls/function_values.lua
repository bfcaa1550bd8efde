-- Functions are first-class values.
local function f() end
local g = f
print(1, type(f), f == g, f ~= function() end)
local function mk() return function() end end
print(2, mk() == mk())
local t = {}
t[f] = "function as key"
print(3, t[g])
local fs = {print, tostring, f}
print(4, #fs, fs[2](42))
-- builtins are functions
print(5, type(print), type(pcall), type(string.rep), type(coroutine.create))
-- functions compared by identity
local a = function() return 1 end
local b = function() return 1 end
print(6, a == b, a == a)
-- tostring of a function has a stable prefix
print(7, string.sub(tostring(f), 1, 10), string.sub(tostring(print), 1, 10))
-- functions can be stored and called from anywhere
local registry = {}
function registry.add(name, fn) registry[name] = fn end
registry.add("double", function(x) return x * 2 end)
print(8, registry.double(21))
-- calling a non-function
print(9, pcall(function() local x = 5; x() end))
print(10, pcall(function() local t = {}; t() end))
print(11, pcall(function() ("str")() end))
print(12, pcall(function() return (nil)() end))
