-- A proxy table tracking every access (PiL style).
local function track(t)
  local log = {}
  local proxy = setmetatable({}, {
    __index = function(_, k) log[#log + 1] = "get " .. tostring(k); return t[k] end,
    __newindex = function(_, k, v) log[#log + 1] = "set " .. tostring(k); t[k] = v end,
  })
  return proxy, log
end
local orig = {a = 1}
local p, log = track(orig)
local x = p.a
p.b = 2
p.a = 10
local y = p.b
print(1, x, y, orig.a, orig.b, rawget(p, "a"))
print(2, table.concat(log, ", "))
-- pairs over the proxy sees nothing (5.1 has no __pairs)
local n = 0
for _ in pairs(p) do n = n + 1 end
print(3, n)
-- a read-only wrapper
local function readonly(t)
  return setmetatable({}, {__index = t, __newindex = function(_, k) error("attempt to update a read-only table", 2) end})
end
local days = readonly({"Sun", "Mon"})
print(4, days[1], days[2], days[3])
print(5, pcall(function() days[1] = "x" end))
-- default values via a shared metatable keyed by table
local defaults = setmetatable({}, {__mode = "k"})
local mt = {__index = function(t) return defaults[t] end}
local function setDefault(t, d) defaults[t] = d; setmetatable(t, mt) end
local tab = {x = 10}
setDefault(tab, 0)
print(6, tab.x, tab.y)
