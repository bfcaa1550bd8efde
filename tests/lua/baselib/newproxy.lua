-- newproxy
local u = newproxy()
print(1, type(u), getmetatable(u))
local v = newproxy(true)
print(2, type(v), type(getmetatable(v)))
local w = newproxy(v)
print(3, getmetatable(w) == getmetatable(v))
print(4, pcall(newproxy, {}))
print(5, pcall(newproxy, 1))
print(6, newproxy(false) ~= newproxy(false))
-- metamethods on proxies
local mt = getmetatable(v)
mt.__index = function(_, k) return "idx " .. k end
mt.__call = function(self, a) return "called " .. a end
print(7, v.foo, v("x"), w.bar)
print(8, pcall(function() v.x = 1 end))
print(9, pcall(setmetatable, v, {}))
print(10, string.sub(tostring(u), 1, 9))
