-- Comparisons of boxed 64-bit integers: with each other and with numbers in
-- the common 64-bit type (signed unless one is uint64_t), == with any value
-- never an error, < and <= with a non-number an error. Boxes are distinct
-- values: table keys by identity, rawequal false for equal boxes.
local function err(f, ...)
  local ok, e = pcall(f, ...)
  return ok and tostring(e) or e
end
local a, b, u = 1LL, 2LL, 18446744073709551615ULL
print(1, a == 1, 1 == a, a == 1LL, a ~= 1, a == 1.5, a == b, a ~= b)
print(2, a == nil, nil == a, a ~= nil, a == true, a == "1", "1" == a, a == {})
print(3, -1LL == u, u == -1, u == 2^64 - 1, -1 == u, 1LL == 1ULL, 0ULL == -0.5)
print(4, a < 2, 2 < a, a <= 1, a > 0, a >= 1.5, 1.5 >= a, 1LL < 1.5)
print(5, -1LL < 1ULL, -1LL < 1LL, u > 0, u < -2, 0ULL <= -1)
print(6, a < b, b <= a, b > a, 2LL >= 2ULL, 2^53 + 1LL > 2^53)
print(7, err(function() return a < "2" end))
print(8, err(function() return "2" <= a end))
print(9, err(function() return a < nil end))
print(10, err(function() return a < {} end))
print(11, err(function() return true >= a end))
print(12, err(function() return a < 1i end))
-- the same box, equal boxes
local c = a
print(13, c == a, rawequal(c, a), rawequal(a, 1LL), rawequal(1LL, 1LL))
local function k() return 7LL end
print(14, rawequal(k(), k()), k() == k())
-- as table keys: by identity
local t = {}
t[a] = "a"; t[1LL] = "other"; t[1] = "number"
local n = 0
for _ in pairs(t) do n = n + 1 end
print(15, n, t[a], t[c], t[1], t[1LL])
-- comparisons in branches, loops and sort
local list = {5LL, -3LL, 2, 10LL, 0, -7LL, 3.5}
table.sort(list, function(x, y) return x < y end)
for i = 1, #list do list[i] = tostring(list[i]) end
print(16, table.concat(list, " "))
local big = {3ULL, 1ULL, 2ULL}
table.sort(big)
print(17, tostring(big[1]), tostring(big[2]), tostring(big[3]))
local count = 0
for i = 1, 100 do
  local v = i * 1LL
  if v == 50 then count = count + 100 end
  if v ~= 50 and v > 90 then count = count + 1 end
  if v <= 3 then count = count + 1000 end
end
print(18, count)
-- constants on either side compile to ISEQN/ISEQS/ISEQP
local function eqs(v) return v == 1, v ~= 1, v == "x", v ~= "x", v == nil, v ~= nil, v == false end
print(19, eqs(1LL))
print(20, eqs(1ULL))
print(21, eqs(2i))
