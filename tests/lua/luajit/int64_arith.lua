-- Boxed 64-bit integers (1LL, 1ULL): arithmetic in the common 64-bit type
-- with wraparound (uint64_t if either operand is one), C's division and
-- remainder, integer powers, and numbers converted as x86-64 converts them.
local function show(n, ...)
  local t = {...}
  for i = 1, select('#', ...) do t[i] = tostring(t[i]) end
  print(n, table.concat(t, ' '))
end
local function err(f, ...)
  local ok, e = pcall(f, ...)
  return ok and 'ok' or e
end

show(1, 5LL + 3, 5LL - 3, 5LL * 3, 7LL / 2, -7LL / 2, 7LL % 3, -7LL % 3, 7LL % -3)
show(2, 2LL ^ 10, 2LL ^ -1, 2LL ^ 0, 3LL ^ 40, 3LL ^ 41, (-2LL) ^ 63, 2ULL ^ 64)
show(3, 0LL ^ -1, (-1LL) ^ -1, (-1LL) ^ -2, 1LL ^ -5, 2ULL ^ -1, 0LL ^ 0)
show(4, 5ULL + 3, 5ULL - 6, 5LL - 6ULL, 5ULL * -1, -5LL / 2ULL, 7ULL % 2LL)
show(5, 9223372036854775807LL + 1, -9223372036854775807LL - 2, 0xffffffffffffffffULL + 1)
local min = -9223372036854775807LL - 1
show(6, min, min / -1, min % -1, -min, min * -1, min - 1)
-- division and remainder by zero
show(7, 1LL / 0, 1LL % 0, 1ULL / 0, 1ULL % 0, 0LL / 0, -1LL / 0LL, 5ULL % 0ULL)
-- unary minus keeps the type
local x, u = 5LL, 5ULL
show(8, -x, -u, -(0ULL), -(-x))
-- numbers are converted to the integer type (truncation; out of range and
-- nan give -2^63 for int64_t; see the conversions to uint64_t)
show(9, 1.5 + 1LL, 1LL + 1.5, 3.9 + 0LL, -3.9 + 0LL, 1e20 + 1LL, 2^63 + 0LL, -2^63 + 0LL)
show(10, 0/0 + 1LL, 1/0 + 1LL, -1/0 + 1LL, 2^53 + 1LL, 2^53 + 1 + 0LL)
for _, n in ipairs{-1, -0.5, -1.5, -2^62, -2^63, 2^62, 2^63, 2^63 + 4096, 2^64 - 2048,
                   2^64, 2^64 + 8192, 2^65, 1/0, -1/0, 0/0, 0.5} do
  show(11, n + 0ULL, n * 1ULL, 0ULL - n)
end
-- strings are not numbers here
show(12, err(function() return 1LL + "2" end))
show(13, err(function() return "2" + 1LL end))
show(14, err(function() return 1LL + nil end))
show(15, err(function() return nil - 1ULL end))
show(16, err(function() return 1LL * {} end))
show(17, err(function() return 1LL / true end))
show(18, err(function() return print % 1LL end))
show(19, err(function() return 1LL ^ coroutine.create(function() end) end))
show(20, err(function() return 1LL + newproxy() end))
-- a variable and a constant operand, each order, in a loop (compiled code)
local acc, uacc = 0LL, 0ULL
for i = 1, 100 do
  acc = acc * 3 + i - 7
  uacc = uacc * 0x100000001ULL + i
end
show(21, acc, uacc)
local f = 1LL
for i = 1, 25 do f = f * i end
show(22, f)
-- the results are new boxes of the common type
show(23, type(1LL + 1), tostring(1LL + 1ULL), tostring(1ULL + 1), tostring(-1 + 0LL))
