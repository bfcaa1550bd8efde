-- table.remove: the last element, positions, out-of-range positions and errors.
local function show(t, n)
  local out = {}
  for i = 0, n do out[#out + 1] = tostring(t[i]) end
  return table.concat(out, " ")
end
local t = {"a", "b", "c", "d"}
print(1, table.remove(t), show(t, 4), #t)
print(2, table.remove(t, 1), show(t, 4), #t)
print(3, table.remove(t, 2), show(t, 4), #t)
print(4, table.remove(t, 1), show(t, 4), #t)
print(5, select("#", table.remove(t)), #t)
print(6, select("#", table.remove({})), select("#", table.remove({}, 1)))
local u = {1, 2, 3}
print(7, select("#", table.remove(u, 0)), select("#", table.remove(u, 4)), select("#", table.remove(u, -1)))
print(8, show(u, 3))
print(9, table.remove(u, "2"), show(u, 3))
print(10, table.remove(u, 1.9), show(u, 3))
local v = {1, 2, 3}
print(11, table.remove(v, 2^32 + 1), show(v, 3))
local w = {[0] = "zero"}
print(12, select("#", table.remove(w)), w[0])
local x = {1, 2, 3}
print(13, table.remove(x, nil), show(x, 3))
print(14, pcall(table.remove))
print(15, pcall(table.remove, nil))
print(16, pcall(table.remove, {}, "x"))
print(17, pcall(function() table.remove(true) end))
local big = {}
for i = 1, 1000 do big[i] = i end
print(18, table.remove(big, 1), #big, big[1], big[999], big[1000])
local holes = {1, 2, 3}
holes[2] = nil
print(19, table.remove(holes, 1), holes[1], holes[2], holes[3])
local ff = {false, false}
print(20, table.remove(ff), table.remove(ff), #ff)
