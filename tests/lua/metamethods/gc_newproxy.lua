-- __gc on userdata created with newproxy.
local finalized = {}
local function make(name)
  local u = newproxy(true)
  getmetatable(u).__gc = function(x) finalized[#finalized + 1] = name end
  return u
end
local function create_garbage() for i = 1, 3 do make("tmp" .. i) end end
create_garbage()
local kept = make("kept")
collectgarbage("collect")
table.sort(finalized)
print(1, #finalized, table.concat(finalized, " "))
-- the kept proxy is not finalized
kept = nil
collectgarbage("collect")
print(2, #finalized, finalized[#finalized])
-- newproxy(u) shares the metatable, so it shares __gc
local count = 0
local base = newproxy(true)
getmetatable(base).__gc = function() count = count + 1 end
local function clones() for i = 1, 4 do newproxy(base) end end
clones()
collectgarbage("collect")
print(3, count)
-- the finalizer receives the userdata itself
local received
local function mk2()
  local u = newproxy(true)
  getmetatable(u).__gc = function(x) received = type(x) end
end
mk2()
collectgarbage("collect")
print(4, received)
-- tables with __gc are not finalized in Lua 5.1
local tgc = 0
local function mkt() setmetatable({}, {__gc = function() tgc = tgc + 1 end}) end
mkt()
collectgarbage("collect")
print(5, tgc)
