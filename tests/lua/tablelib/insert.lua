-- table.insert: appending, positions, growth, int conversion and errors.
local function show(t, n)
  local out = {}
  for i = -2, n do out[#out + 1] = tostring(t[i]) end
  return table.concat(out, " ")
end
local t = {}
table.insert(t, "a")
table.insert(t, "b")
print(1, show(t, 4), #t)
table.insert(t, 1, "x")
print(2, show(t, 4), #t)
table.insert(t, 2, "y")
print(3, show(t, 5), #t)
table.insert(t, #t + 1, "z")
print(4, show(t, 6), #t)
table.insert(t, 9, "far")          -- beyond the end: no shifting
print(5, show(t, 10), #t)
local u = {1, 2, 3}
table.insert(u, 0, "zero")         -- t[0] is not part of the sequence, but is shifted into
print(6, show(u, 5), #u)
local v = {1, 2, 3}
table.insert(v, -1, "neg")
print(7, show(v, 5), #v)
local w = {1, 2, 3}
table.insert(w, "2", "s")          -- a numeric string position
print(8, show(w, 5))
local x = {1, 2, 3}
table.insert(x, 2.9, "f")          -- truncated to 2
print(9, show(x, 5))
local y = {1, 2, 3}
table.insert(y, 2^32 + 2, "wrap")  -- a C int: the low 32 bits
print(10, show(y, 5))
local z = {1, 2, 3}
table.insert(z, nil)               -- two arguments: t[#t+1] = nil
print(11, show(z, 5), #z)
table.insert(z, 1, nil)            -- shifts, then t[1] = nil
print(12, show(z, 5))
local h = {n = 1}
table.insert(h, "v")
print(13, h[1], h.n)
print(14, pcall(table.insert, {}))
print(15, pcall(table.insert, {}, 1, 2, 3))
print(16, pcall(table.insert))
print(17, pcall(table.insert, nil, 1))
print(18, pcall(table.insert, "s", 1))
print(19, pcall(table.insert, {}, "x", 1))
print(20, pcall(table.insert, {}, {}, 1))
print(21, pcall(function() table.insert({}, 1, 2, 3, 4) end))
print(22, pcall(function() table.insert(1, 2) end))
print(23, pcall(function() local tab = {} tab.insert = table.insert tab:insert() end))
local big = {}
for i = 1, 1000 do big[i] = i end
table.insert(big, 1, 0)
print(24, #big, big[1], big[2], big[1000], big[1001])
local sparse = {1, 2, 3}
table.insert(sparse, -100000, "low")
print(25, #sparse, sparse[-100000], sparse[-99999], sparse[1], sparse[4])
local mt = setmetatable({}, {__newindex = function() error("no") end, __index = function() return "i" end})
table.insert(mt, "raw")            -- raw access: no metamethods
print(26, rawget(mt, 1), mt[2])
