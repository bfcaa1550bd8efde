-- Proper tail calls: unbounded tail recursion in constant stack.
local function loop(n, acc) if n == 0 then return acc end return loop(n - 1, acc + 1) end
print(1, loop(100000, 0))
local even, odd
function even(n) if n == 0 then return "even" end return odd(n - 1) end
function odd(n) if n == 0 then return "odd" end return even(n - 1) end
print(2, even(100001), odd(100001))
-- tail calls return all results of the callee
local function multi() return 1, 2, 3 end
local function tail() return multi() end
print(3, tail())
-- tail call through a method
local obj = {n = 0}
function obj:count(k) if k == 0 then return self.n end self.n = self.n + 1 return self:count(k - 1) end
print(4, obj:count(100000))
-- tail call with varargs
local function vcount(n, ...) if n == 0 then return select('#', ...) end return vcount(n - 1, ...) end
print(5, vcount(100000, 1, nil, 3))
-- tail calls into a different function each time
local fs = {}
for i = 1, 10 do fs[i] = function(n) if n == 0 then return i end return fs[(i % 10) + 1](n - 1) end end
print(6, fs[1](100000))
-- tail call through a table of closures created on the fly
local function trampoline(n) if n == 0 then return "landed" end local f = function() return trampoline(n - 1) end return f() end
print(7, trampoline(50000))
-- 'return (f())' is not a tail call but still works for small depth
local function notail(n) if n == 0 then return 0 end return (notail(n - 1)) end
print(8, notail(1000))
-- tail call to a builtin
local function tb(x) return tostring(x) end
print(9, tb(12))
-- tail call via __call metamethod
local callable = setmetatable({}, {__call = function(self, n) if n == 0 then return "callable done" end return self(n - 1) end})
print(10, callable(10000))
