-- Nested function definitions and recursion forms.
local function outer(x)
  local function middle(y)
    local function inner(z)
      return x + y + z
    end
    return inner(3)
  end
  return middle(2)
end
print(1, outer(1))
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(2, fact(10))
-- 'local f = function' cannot refer to itself by name
local g = function(n) if n == 0 then return 0 end return g(n - 1) end
print(3, pcall(g, 3))
-- 'local function' can
local function h(n) if n == 0 then return "done" end return h(n - 1) end
print(4, h(5))
-- functions stored in nested tables
local a = {b = {c = {}}}
function a.b.c.d(x) return "d" .. x end
print(5, a.b.c.d(1))
-- immediately invoked
print(6, (function(...) return select('#', ...) end)(1, 2, 3))
-- function returning function returning function
local function curry3(f)
  return function(a) return function(b) return function(c) return f(a, b, c) end end end
end
print(7, curry3(function(a, b, c) return a .. b .. c end)("x")("y")("z"))
-- global function definitions
function GLOBAL_FN() return "global" end
print(8, GLOBAL_FN(), type(_G.GLOBAL_FN))
-- redefinition
local function r() return 1 end
local r1 = r
local function r() return 2 end
print(9, r1(), r())
-- parameters shadow outer locals
local p = "outer"
local function shadow(p) return p end
print(10, shadow("param"), p)
-- nested function definitions inside loops
local fs = {}
for i = 1, 3 do
  local function sq() return i * i end
  fs[i] = sq
end
print(11, fs[1](), fs[2](), fs[3]())
-- recursion through a table field
local m = {}
function m.even(n) if n == 0 then return true end return m.odd(n - 1) end
function m.odd(n) if n == 0 then return false end return m.even(n - 1) end
print(12, m.even(10), m.odd(7), m.even(7))
