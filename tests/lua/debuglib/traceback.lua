-- debug.traceback: the message and level arguments and 5.1's format.
print(debug.traceback())
print(debug.traceback("msg"))
print(debug.traceback("msg", 0))
print(debug.traceback("msg", 2))
print(debug.traceback("msg", 3))
print(debug.traceback("msg", 50))
print(debug.traceback("msg", -2))
print(debug.traceback("msg", "1"))
print(debug.traceback("msg", 1.9))
print(debug.traceback(12))
print(debug.traceback(""))
print(debug.traceback(nil))
print(type(debug.traceback({})))
print(debug.traceback({}, "x"))
print(debug.traceback(true, 1))
print(debug.traceback("m", "x"))
print(pcall(debug.traceback, "m", nil))
print(pcall(debug.traceback, "m", true))
print(pcall(debug.traceback, "m", {}))
print(select("#", debug.traceback()))

-- names of the functions on the stack
local t = {}
function t.field() return debug.traceback("field") end
function t:method() return debug.traceback("method") end
glob = function() return debug.traceback("global") end
local function loc() return debug.traceback("local") end
local function up() return (loc()) end
print((t.field()))
print((t:method()))
print((glob()))
print((up()))
print((function() return (debug.traceback("anonymous")) end)())
print(pcall(debug.traceback, "via pcall"))
print(select(2, xpcall(function() error("oops") end, debug.traceback)))
print(select(2, xpcall(function() local x = nil; return x.y end, debug.traceback)))

-- tail calls leave '(tail call)' levels
local function tb() return debug.traceback("tail", 1) end
local function tail1() return tb() end
local function tail2() return tail1() end
print((tail2()))
local function rec(n) if n == 0 then return debug.traceback("rec") end return rec(n - 1) end
print((rec(3)))

-- a function called by a generic for
for _ in function() print(debug.traceback("iterator")) end do end

-- a metamethod
local mt = setmetatable({}, {__index = function(t, k) return debug.traceback("index " .. k) end})
print(mt.key)

-- chunks with other names
print((loadstring("return debug.traceback('string chunk')")()))
print((loadstring("return debug.traceback('named chunk')", "=named")()))
print((loadstring("\nreturn debug.traceback('file chunk')", "@some/file.lua")()))
