-- Coroutine values.
local co = coroutine.create(function() end)
print(1, type(co), string.sub(tostring(co), 1, 7))
print(2, co == co, co ~= coroutine.create(function() end))
local t = {[co] = "thread key"}
print(3, t[co])
print(4, type(coroutine.wrap(function() end)))
print(5, type(coroutine.create), type(coroutine.resume), type(coroutine.yield), type(coroutine.status), type(coroutine.wrap), type(coroutine.running))
-- a coroutine function that uses upvalues and globals
G_COUNT = 0
local co2 = coroutine.wrap(function() for i = 1, 3 do G_COUNT = G_COUNT + i; coroutine.yield(G_COUNT) end end)
print(6, co2(), co2(), co2(), G_COUNT)
