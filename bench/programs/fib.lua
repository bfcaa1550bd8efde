-- fib.lua: naive doubly-recursive Fibonacci.
-- Measures: Lua function call/return overhead, local arithmetic, comparisons.
-- Size: n (default 27).
local n = tonumber(arg and arg[1]) or 27

local function fib(k)
  if k < 2 then return k end
  return fib(k - 1) + fib(k - 2)
end

print(string.format("fib(%d) = %d", n, fib(n)))
