-- Adjustment of multiple results in every position.
local function f3() return 1, 2, 3 end
local function f0() end
local function count(...) return select('#', ...) end
print(1, f3())
print(2, f3(), "x")
print(3, "x", f3())
print(4, (f3()))
print(5, f3(), f3())
print(6, count(f0()), count((f0())), count(f0(), f0()))
local a, b, c, d = f3()
print(7, a, b, c, d)
a, b, c, d = f3(), 10
print(8, a, b, c, d)
a, b, c, d = 0, f3()
print(9, a, b, c, d)
a, b = f0()
print(10, a, b)
local t = {f3(), f3()}
print(11, #t)
t = {f3(), (f3())}
print(12, #t)
print(13, f3() + 10, 10 + f3())
print(14, f3() .. f3())
print(15, #{f0()}, #{f0(), nil}, #{(f0())})
local function ret() return f3() end
print(16, ret())
local function retp() return (f3()) end
print(17, retp())
local function retm() return f3(), f3() end
print(18, retm())
t = {}
t[f3()] = "key"
print(19, t[1], t[2])
local function args(a, b, c) return a, b, c end
print(20, args(f3()))
print(21, args(f3(), f3()))
print(22, args(f0(), 1))
print(23, count(f3(), f0()))
print(24, math.max(f3()))
print(25, string.format("%d %d %d", f3()))
print(26, select('#', f3(), f3()))
local s = f3() == 1
print(27, s)
print(28, not f3())
print(29, -f3())
if f3() then print(30, "if uses first") end
while f0() do end
print(31, "while with no result is false")
t = {f3(), [10] = f3()}
print(32, #t, t[10])
t = {f3(), n = f3()}
print(33, #t, t.n)
