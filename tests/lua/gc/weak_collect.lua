-- What a collection frees: entries of weak tables whose weak part only a dead
-- register, a temporary or another weak entry held; everything Lua can reach stays.
local t = setmetatable({}, {__mode = "k"}) t[{}] = true collectgarbage() print(1, next(t) == nil)
local a = setmetatable({}, {__mode='k'}) do local t = {} a[t] = 1 end collectgarbage() print(2, next(a))
-- registers above the top of a call
local b = setmetatable({}, {__mode='k'})
do local t1 = {} local t2 = {} b[t2] = 1 end
collectgarbage()
print(3, next(b))
-- inside a function and a coroutine
local function f()
  local w = setmetatable({}, {__mode='v'})
  w[1] = {}
  local x = {}
  w[2] = x
  collectgarbage()
  return w[1], w[2] == x
end
print(4, f())
local co = coroutine.create(function()
  local w = setmetatable({}, {__mode='k'})
  w[{}] = 1
  coroutine.yield(w)
  collectgarbage()
  return next(w)
end)
local _, w = coroutine.resume(co)
print(5, next(w) ~= nil)
collectgarbage()
print(6, next(w))
print(7, coroutine.resume(co))
-- a value kept alive by a local stays
local keep = {}
local wk = setmetatable({[keep] = 'here'}, {__mode='k'})
collectgarbage()
print(8, wk[keep])
-- strings and numbers are never removed from weak tables
local ws = setmetatable({x = 'y', [1] = 2}, {__mode='kv'})
collectgarbage()
print(9, ws.x, ws[1])
