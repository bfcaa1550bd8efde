-- closures.lua: closure creation and upvalue access.
-- Measures: creating closures in loops (fresh upvalues per iteration), reading
-- and writing open and closed upvalues, closures sharing an upvalue, calls
-- through higher-order functions (map/filter/reduce/compose).
-- Size: number of iterations (default 80000).
local n = tonumber(arg and arg[1]) or 80000

-- 1. Counter objects built from closures sharing one upvalue.
local function make_counter(start)
  local count = start
  local function inc(k) count = count + k; return count end
  local function get() return count end
  local function reset() count = start end
  return inc, get, reset
end

local csum = 0
for i = 1, n / 10 do
  local inc, get, reset = make_counter(i)
  for k = 1, 10 do inc(k) end
  csum = csum + get()
  reset()
  csum = csum + get()
end

-- 2. A closure per loop iteration capturing the loop variable.
local fns = {}
for i = 1, n do
  fns[i] = function(x) return x + i end
end
local fsum = 0
for i = 1, n do
  fsum = fsum + fns[i](i) % 7
end

-- 3. Higher-order helpers.
local function map(t, f)
  local r = {}
  for i = 1, #t do r[i] = f(t[i]) end
  return r
end
local function filter(t, p)
  local r = {}
  for i = 1, #t do
    local v = t[i]
    if p(v) then r[#r + 1] = v end
  end
  return r
end
local function reduce(t, f, acc)
  for i = 1, #t do acc = f(acc, t[i]) end
  return acc
end
local function compose(f, g)
  return function(x) return f(g(x)) end
end

local data = {}
for i = 1, n do data[i] = i end
local scale = 3
local add1 = function(x) return x + 1 end
local times = function(x) return x * scale end
local pipeline = compose(add1, compose(times, add1))
local mapped = map(data, pipeline)
local evens = filter(mapped, function(x) return x % 2 == 0 end)
local total = reduce(evens, function(a, b) return (a + b) % 1000000007 end, 0)

-- 4. Nested closures reaching upvalues several levels up.
local function outer(a)
  return function(b)
    return function(c)
      return function(d) return a * 1000 + b * 100 + c * 10 + d end
    end
  end
end
local nsum = 0
for i = 1, n / 10 do
  nsum = nsum + outer(i % 10)(i % 9)(i % 8)(i % 7)
end

-- 5. Accumulator generator (mutating a closed-over upvalue from many calls).
local function accumulator()
  local sum = 0
  return function(x) sum = sum + x; return sum end
end
local acc = accumulator()
local alast = 0
for i = 1, n do alast = acc(i % 100) end

print(string.format("closures n=%d csum=%d fsum=%d evens=%d total=%d nsum=%d acc=%d",
  n, csum, fsum, #evens, total, nsum, alast))
