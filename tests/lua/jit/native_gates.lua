-- Functions compiled to native code (moonpatch's native tier) called with
-- what they were not made for: other types, rebound upvalues and globals,
-- other closures of the prototype, hooks; each must behave as interpreted.
if jit then jit.opt.start("hotcall=1") end
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(20), fib(10.5), pcall(fib, "12"))
print(pcall(fib, {}))
local real = fib
fib = function(n) return -n end
print(real(10))
fib = real
print(fib(15))

function gsq(x) return x * x end
function gsum(n) local s = 0 for i = 1, n do s = s + gsq(i) end return s end
print(gsum(100))
gsq = function(x) return x end
print(gsum(100))

local function maker(k) return function(x) return x * k end end
local double, triple = maker(2), maker(3)
print(double(4), triple(4), double(5.5), triple(-0))

local function b(x, y) if x then return y + 1 end return y - 1 end
print(b(true, 1), b(false, 1), b(nil, 1), b(1, 1))

local function deep(n) if n == 0 then return 0 end return 1 + deep(n - 1) end
print(deep(1000), deep(10000))
local function forever(n) if n < 0 then return 0 end return 1 + forever(n + 1) end
local ok, e = pcall(forever, 1)
print(ok, e)

local calls = 0
debug.sethook(function() calls = calls + 1 end, "c")
print(fib(5))
debug.sethook()
print(calls > 0)

local function spin(n) local x = 0 for i = 1, n do x = x + i % 7 end return x end
print(spin(100000))
local function div(a, b) return a / b, a % b, -a, a ^ b end
print(div(7, 4))
print(div(-7, 2))
print(div(1, 0.5))
