-- ffi.gc: finalizers on cdata, removed with nil
local ffi = require("ffi")
local log = {}
local function fin(p) log[#log + 1] = tostring(ffi.cast("int *", p)[0]) end
do
  local a = ffi.gc(ffi.new("int[1]", 1), fin)
  local b = ffi.gc(ffi.new("int[1]", 2), fin)
  local c = ffi.new("int[1]", 3)
  ffi.gc(c, fin)
  ffi.gc(c, nil)
  print(ffi.gc(a, fin) == a)
end
collectgarbage()
collectgarbage()
table.sort(log)
print(#log, log[1], log[2])
local kept = ffi.gc(ffi.new("int[1]", 4), fin)
collectgarbage()
print(#log)
kept = nil
collectgarbage()
collectgarbage()
print(#log, log[3])
print(pcall(ffi.gc, 1, fin))
-- one finalizer still set when the state closes
_G.last = ffi.gc(ffi.new("int[1]", 5), function() print("closing") end)
