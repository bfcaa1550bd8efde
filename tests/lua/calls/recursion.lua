-- Recursion: direct, mutual, deep (non-tail).
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(1, fib(20))
local function fact(n) if n == 0 then return 1 end return n * fact(n - 1) end
print(2, fact(20), fact(25))
local isodd
local function iseven(n) if n == 0 then return true end return isodd(n - 1) end
function isodd(n) if n == 0 then return false end return iseven(n - 1) end
print(3, iseven(100), isodd(101), iseven(7))
-- non-tail recursion to depth 10000 must work
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(4, depth(10000))
local function sum(n) if n == 0 then return 0 end local s = sum(n - 1) return s + n end
print(5, sum(10000))
-- recursion through pcall
local function pdepth(n)
  if n == 0 then return 0 end
  local ok, v = pcall(pdepth, n - 1)
  return v + 1
end
print(6, pdepth(100))
-- recursive table walk
local function build(d) if d == 0 then return {} end return {build(d - 1), build(d - 1)} end
local function countnodes(t) local c = 1 for _, s in ipairs(t) do c = c + countnodes(s) end return c end
print(7, countnodes(build(10)))
-- ackermann (small)
local function ack(m, n)
  if m == 0 then return n + 1 end
  if n == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, n - 1))
end
print(8, ack(2, 3))
-- hanoi
local moves = 0
local function hanoi(n, a, b, c) if n == 0 then return end hanoi(n - 1, a, c, b) moves = moves + 1 hanoi(n - 1, c, b, a) end
hanoi(10, "A", "B", "C")
print(9, moves)
