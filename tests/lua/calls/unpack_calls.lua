-- unpack feeding calls.
local function count(...) return select('#', ...) end
local t = {1, 2, 3, n = 5}
print(1, count(unpack(t)))
print(2, count(unpack(t, 1, t.n)))
print(3, unpack(t, 1, t.n))
print(4, unpack({}, 1, 3))
print(5, count(unpack({})))
print(6, unpack({"a", "b", "c"}, 2))
print(7, unpack({"a", "b", "c"}, -1, 1))
print(8, unpack({[0] = "zero", "one"}, 0, 1))
print(9, unpack({"a", "b"}, 2, 2))
print(10, count(unpack({"a", "b"}, 3)))
print(11, math.max(unpack({3, 8, 1})))
local args = {}
for i = 1, 200 do args[i] = i end
print(12, count(unpack(args)))
local function sum(...)
  local s = 0
  for i = 1, select('#', ...) do s = s + select(i, ...) end
  return s
end
print(13, sum(unpack(args)))
print(14, pcall(unpack))
print(15, pcall(unpack, nil))
print(16, pcall(unpack, {}, "x"))
print(17, unpack({1, 2, 3}, "2", "3"))
print(18, unpack({1, 2, 3}, 2.7))
print(19, pcall(unpack, {}, 1, 1e7))
