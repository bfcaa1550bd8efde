-- Scoping of locals, in the spirit of the 5.1 suite's locals.lua.
local a = 1
do local a = 2; print(1, a) end
print(2, a)
local function f(a) local a = a * 10; do local a = a + 1; return a end end
print(3, f(5))
-- shadowing in the same block, each declaration sees the previous one
local x = 1
local x = x + 1
local x = x * 10
print(4, x)
-- a local function sees itself, a plain local function value does not
local function fact(n) return n <= 1 and 1 or n * fact(n - 1) end
local g = function(n) return n end
local g = function(n) return n == 0 and "base" or g(n - 1) end
print(5, fact(10), g(3))
-- locals of a loop body are fresh in each iteration
local fs = {}
for i = 1, 3 do local j = i * 2; fs[i] = function() j = j + 1; return j end end
print(6, fs[1](), fs[1](), fs[2](), fs[3]())
-- repeat-until sees the body's locals
local n = 0
repeat local done = n >= 3; n = n + 1 until done
print(7, n)
-- multiple assignment evaluates all expressions before assigning
local p, q = 1, 2
p, q = q, p
print(8, p, q)
local t = {1, 2}
local i = 1
i, t[i] = i + 1, 20
print(9, i, t[1], t[2])
-- locals and globals with the same name
y = "global"
local y = "local"
print(10, y, _G.y, getfenv(1).y)
-- a function's parameters are locals; extra ones are nil, missing ones too
local function h(a, b, c) return a, b, c end
print(11, h(1), h(1, 2, 3, 4))
-- 200 locals are fine; the 201st is an error
local src = {}
for k = 1, 200 do src[#src + 1] = "local v" .. k .. " = " .. k end
print(12, type(loadstring(table.concat(src, "\n"))))
src[#src + 1] = "local v201 = 201"
print(13, loadstring(table.concat(src, "\n")))
