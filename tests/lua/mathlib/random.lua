-- math.random's ranges and argument errors (the values themselves are the
-- C library's in lua5.1: see luajit/math_random.lua for moonpatch's generator).
local function check(n, lo, hi, ...)
  local ok = true
  for _ = 1, n do
    local r = math.random(...)
    if r < lo or r > hi or (select("#", ...) > 0 and r ~= math.floor(r)) then ok = false end
  end
  return ok
end
print(1, check(200, 0, 0.9999999999), check(200, 1, 1, 1), check(200, 1, 3, 3), check(200, -2, 2, -2, 2))
print(2, check(100, 5, 5, 5, 5), check(100, 1, 2, 2.9), check(100, 1, 2, "2"), check(100, -3, 0, -3.5, 0.5))
print(3, math.random(1, 1), math.random(-7, -7), math.random(2^31 - 1, 2^31 - 1))
local seen = {}
for _ = 1, 400 do seen[math.random(4)] = true end
print(4, seen[1], seen[2], seen[3], seen[4], seen[0], seen[5])
print(5, pcall(math.random, 0))
print(6, pcall(math.random, -1))
print(7, pcall(math.random, 3, 1))
print(8, pcall(math.random, 1, 2, 3))
print(9, pcall(math.random, nil))
print(10, pcall(math.random, "x"))
print(11, pcall(math.random, 1, {}))
print(12, pcall(math.random, 0.5))
print(13, pcall(math.random, 2^31))
print(14, pcall(function() local r = math.random(1, 2, 3) return r end))
print(15, pcall(function() local r = math.random(5, 1) return r end))
print(16, pcall(math.randomseed))
print(17, pcall(math.randomseed, "x"))
print(18, select("#", math.randomseed(1)), select("#", math.randomseed("2")))
math.randomseed(42)
local a = {math.random(100), math.random(100), math.random(100)}
math.randomseed(42)
local b = {math.random(100), math.random(100), math.random(100)}
print(19, a[1] == b[1] and a[2] == b[2] and a[3] == b[3])
