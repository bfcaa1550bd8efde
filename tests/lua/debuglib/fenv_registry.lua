-- debug.getregistry, debug.getfenv and debug.setfenv.
local r = debug.getregistry()
print(type(r), debug.getregistry() == r)
r.mykey = "stored"
print(debug.getregistry().mykey)
print(select("#", debug.getregistry(1, 2)))

local function f() return x end
print(debug.getfenv(f) == _G)
local env = {x = 5}
print(debug.setfenv(f, env) == f, f())
print(debug.getfenv(f) == env, getfenv(f) == env)
print(debug.getfenv(print) == _G)
print(debug.getfenv(1), debug.getfenv("s"), debug.getfenv(nil), debug.getfenv({}), debug.getfenv(true))

-- host functions take an environment too
local e3 = {}
print(debug.setfenv(print, e3) == print, debug.getfenv(print) == e3)
print(select("#", pcall(debug.setfenv, print, _G)), select(2, pcall(debug.setfenv, print, _G)) == print)
print(debug.getfenv(print) == _G)

-- userdata
local u = newproxy()
print(debug.getfenv(u) == _G)
local e2 = {}
print(debug.setfenv(u, e2) == u, debug.getfenv(u) == e2)

-- threads
local co = coroutine.create(function() return 1 end)
print(debug.getfenv(co) == _G)
local e4 = {}
print(debug.setfenv(co, e4) == co, debug.getfenv(co) == e4)

-- errors
print(pcall(debug.getfenv))
print(pcall(debug.setfenv, f))
print(pcall(debug.setfenv, f, 1))
print(pcall(debug.setfenv, 1, {}))
print(pcall(debug.setfenv, "x", {}))
print(pcall(debug.setfenv, nil, {}))
print(pcall(function() debug.setfenv({}, {}) end))
