-- The memory count and the collector controls: steps (lua5.1 counts the work
-- of a cycle in bytes), stop and restart, collections that come with
-- allocation, setpause and setstepmul, a count that rises and falls.
local function dosteps (siz)
  collectgarbage()
  collectgarbage"stop"
  local a = {}
  for i=1,100 do a[i] = {{}}; local b = {} end
  local x = gcinfo()
  local i = 0
  repeat
    i = i+1
  until collectgarbage("step", siz)
  assert(gcinfo() < x)
  return i
end
print(dosteps(0) > 10, dosteps(6) < dosteps(2), dosteps(10000) == 1)
print(collectgarbage("step", 1000000) == true, collectgarbage("step", 1000000))
do
  local x = gcinfo()
  collectgarbage()
  collectgarbage"stop"
  repeat
    local a = {}
  until gcinfo() > 1000
  collectgarbage"restart"
  repeat
    local a = {}
  until gcinfo() < 1000
end
print('restart ok')
local bytes = gcinfo()
while 1 do
  local nbytes = gcinfo()
  if nbytes < bytes then break end   -- run until gc
  bytes = nbytes
  a = {}
end
print('auto ok')
local x = setmetatable({{}}, {__mode = 'v'})
local n = 0
while x[1] do local y = {} n = n + 1 end
print('weak value collected on allocation', n > 0)
print(collectgarbage('setpause', 100), collectgarbage('setpause', 200), collectgarbage('setstepmul', 400), collectgarbage('setstepmul', 200))
local c1 = collectgarbage('count')
local big = {}
for i = 1, 10000 do big[i] = {} end
local c2 = collectgarbage('count')
big = nil
collectgarbage()
local c3 = collectgarbage('count')
print('count rises and falls', c2 > c1 + 100, c3 < c2 - 100)
