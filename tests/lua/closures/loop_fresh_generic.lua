-- Generic for creates fresh variables per iteration.
local fs = {}
for i, v in ipairs({"a", "b", "c"}) do
  fs[i] = function() return i, v end
end
print(1, fs[1]())
print(2, fs[2]())
print(3, fs[3]())
local keys = {}
local closures = {}
for k, v in pairs({x = 1, y = 2, z = 3}) do
  closures[k] = function() return k .. "=" .. v end
  keys[#keys + 1] = k
end
table.sort(keys)
for _, k in ipairs(keys) do print(4, closures[k]()) end
-- modifying a captured generic-for variable does not affect iteration
local seen = ""
local setters = {}
for i, v in ipairs({10, 20, 30}) do
  setters[i] = function() v = v + 1; return v end
  seen = seen .. v .. " "
end
print(5, seen, setters[1](), setters[1](), setters[3]())
-- custom iterator
local function range(n)
  return function(_, i) if i < n then return i + 1 end end, nil, 0
end
local rs = {}
for i in range(4) do rs[i] = function() return i * 10 end end
print(6, rs[1](), rs[2](), rs[4]())
