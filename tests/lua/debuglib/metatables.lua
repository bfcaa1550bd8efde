-- debug.getmetatable / debug.setmetatable for values of every type.
print(debug.getmetatable(1), debug.getmetatable(nil), debug.getmetatable(true))
print(debug.getmetatable("x") == getmetatable(""))
print(pcall(debug.getmetatable))

-- numbers share one metatable
local mt = {__index = function(n, k) return k .. "!" end, __metatable = "locked"}
print(debug.setmetatable(1, mt))
print((5).foo, getmetatable(5), debug.getmetatable(7) == mt)
print(debug.setmetatable(1, nil))
print(pcall(function() return (5).foo end))

-- a protected table metatable is no obstacle
local t = setmetatable({}, {__metatable = 1})
print(pcall(setmetatable, t, {}))
print(debug.setmetatable(t, {__index = {k = "v"}}), t.k)
print(debug.getmetatable(t).__metatable, getmetatable(t) == debug.getmetatable(t))
print(debug.setmetatable(t, nil), getmetatable(t))

-- nil, booleans, functions and threads
debug.setmetatable(nil, {__index = function() return "nil indexed" end})
print((nil).x)
debug.setmetatable(nil, nil)
debug.setmetatable(true, {__len = function() return 42 end, __call = function(s, x) return "called", x end})
print(#true, (false)(7))
debug.setmetatable(false, nil)
print(debug.getmetatable(true))
local function f() end
debug.setmetatable(print, {__index = {name = "fn"}})
print(print.name, f.name)
debug.setmetatable(f, nil)
print(pcall(function() return print.name end))
local co = coroutine.create(function() end)
debug.setmetatable(co, {__tostring = function() return "THREAD" end})
print(tostring(co), tostring(coroutine.create(function() end)))
debug.setmetatable(co, nil)
print(type(tostring(co)))

-- strings: replacing their metatable
local smt = debug.getmetatable("")
debug.setmetatable("", {__index = {shout = function(s) return s .. "!" end}})
print(("hey"):shout())
debug.setmetatable("", smt)
print(debug.getmetatable("") == smt)

-- userdata
local u = newproxy(true)
print(debug.getmetatable(u) == getmetatable(u))
local umt = {}
print(debug.setmetatable(u, umt), getmetatable(u) == umt)
print(debug.setmetatable(u, nil), getmetatable(u))

-- a table's metatable, with a weak mode
local weak = {}
debug.setmetatable(weak, {__mode = "k"})
print(getmetatable(weak).__mode)

-- errors
print(pcall(debug.setmetatable, {}, 1))
print(pcall(debug.setmetatable, {}))
print(pcall(debug.setmetatable))
print(pcall(function() debug.setmetatable(1, "x") end))
