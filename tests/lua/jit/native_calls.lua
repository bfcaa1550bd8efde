-- Calls whose last arguments are all the results of another call (CALLM,
-- CALLMT), in functions compiled to native code: Ackermann's nested
-- recursion, math functions of math functions, results passed on.
if jit then jit.opt.start("hotcall=1") end
local function ack(m, n)
  if m == 0 then return n + 1 end
  if n == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, n - 1))
end
print(ack(2, 3), ack(3, 3), ack(3, 5))

local function two(x) return x + 1, x * 2 end
local function add(a, b, c) return a + b * 10 + c * 100 end
local function add2(a, b) return a - b end
local function nested(x) return add(x, two(x)) end
local function passes(x) return add2(two(x)) end
local function deep(x) return math.sqrt(math.abs(math.min(two(x)))) end
local function last(x) return math.max(math.floor(two(x))) end
for _, x in ipairs({3, -2.5, 0, 1e300, -0}) do
  print(nested(x), passes(x), deep(x), last(x))
end
local function count(...) return select("#", ...) end
local function three() return 1, 2, 3 end
local function forward(x) return count(x, three()) end
print(forward(1), forward(nil))
