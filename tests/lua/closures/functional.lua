-- Functional patterns built on closures.
local function map(f, t) local r = {} for i, v in ipairs(t) do r[i] = f(v) end return r end
local function filter(p, t) local r = {} for _, v in ipairs(t) do if p(v) then r[#r + 1] = v end end return r end
local function reduce(f, acc, t) for _, v in ipairs(t) do acc = f(acc, v) end return acc end
local function compose(f, g) return function(...) return f(g(...)) end end
local function curry(f) return function(a) return function(b) return f(a, b) end end end
local nums = {1, 2, 3, 4, 5, 6}
local sq = map(function(x) return x * x end, nums)
print(1, unpack(sq))
local ev = filter(function(x) return x % 2 == 0 end, nums)
print(2, unpack(ev))
print(3, reduce(function(a, b) return a + b end, 0, nums))
local inc = function(x) return x + 1 end
local dbl = function(x) return x * 2 end
print(4, compose(inc, dbl)(5), compose(dbl, inc)(5))
local add = curry(function(a, b) return a + b end)
local add10 = add(10)
print(5, add10(1), add10(2), add(1)(1))
-- memoization
local calls = 0
local function memoize(f)
  local cache = {}
  return function(n)
    local v = cache[n]
    if v == nil then v = f(n); cache[n] = v end
    return v
  end
end
local slowsq = memoize(function(n) calls = calls + 1; return n * n end)
slowsq(4); slowsq(4); slowsq(5)
print(6, slowsq(4), calls)
local mfib
mfib = memoize(function(n) if n < 2 then return n end return mfib(n - 1) + mfib(n - 2) end)
print(7, mfib(80))
-- Y combinator
local function Y(f) return (function(x) return x(x) end)(function(x) return f(function(...) return x(x)(...) end) end) end
local yfact = Y(function(self) return function(n) if n == 0 then return 1 end return n * self(n - 1) end end)
print(8, yfact(10))
-- iterator closure
local function chars(s)
  local i = 0
  return function() i = i + 1; if i <= #s then return string.sub(s, i, i) end end
end
local out = ""
for c in chars("abc") do out = out .. c .. "." end
print(9, out)
