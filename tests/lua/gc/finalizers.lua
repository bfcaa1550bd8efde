-- Finalizers (__gc of userdata) run at a collection, newest first; a weak key
-- to a userdata being finalized answers until the next collection, a weak
-- value does not; a finalizer that makes another finalizable object ends.
local log = {}
local function mk(name)
  local u = newproxy(true)
  getmetatable(u).__gc = function(o) log[#log+1] = name end
  return u
end
do local a, b, c = mk('a'), mk('b'), mk('c') end
collectgarbage()
print(table.concat(log, ' '))
-- a cycle between userdata through their environments/tables
log = {}
do
  local x, y = mk('x'), mk('y')
  local t = {x, y}
  debug.setmetatable(x, getmetatable(x))
end
collectgarbage()
print(table.concat(log, ' '))
-- weak keys to a userdata being finalized still answer during __gc
local w = setmetatable({}, {__mode = 'k'})
local wv = setmetatable({}, {__mode = 'v'})
do
  local u = newproxy(true)
  getmetatable(u).__gc = function(o) print('gc sees key', w[o], 'value', wv[1], 'mt', getmetatable(o) ~= nil) end
  w[u] = 'yes'
  wv[1] = u
end
collectgarbage()
print('after', next(w) ~= nil, wv[1])
collectgarbage()
print('after 2', next(w))
-- a finalizer that makes a new finalizable object each time
local n = 0
local function again()
  local u = newproxy(true)
  getmetatable(u).__gc = function() n = n + 1 again() end
end
again()
collectgarbage()
collectgarbage()
print('again ran', n)
print(collectgarbage('count') > 0, type(gcinfo()))
