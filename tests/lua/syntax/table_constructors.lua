-- Every table constructor form.
local function f() return 1, 2, 3 end
local function none() end
local t = {}
print(1, #t, next(t))
t = {1, 2, 3}
print(2, #t, t[1], t[2], t[3])
t = {x = 1, y = 2}
print(3, t.x, t.y, #t)
t = {[1] = "a", [2] = "b", ["k"] = "v", [3 + 1] = "d"}
print(4, t[1], t[2], t.k, t[4], t[3])
t = {1, x = "X", 2; 3, [10] = "ten"; y = "Y"}
print(5, t[1], t[2], t[3], t.x, t.y, t[10])
t = {1, 2, 3,}
print(6, #t)
t = {1; 2; 3;}
print(7, #t)
t = {x = 1,}
print(8, t.x)
t = {f()}
print(9, #t, t[1], t[3])
t = {f(), f()}
print(10, #t, t[1], t[2], t[4])
t = {f(), 10}
print(11, #t, t[1], t[2])
t = {(f())}
print(12, #t)
t = {none()}
print(13, #t)
t = {none(), 1}
print(14, #t, t[1], t[2])
t = {[1] = 10, 20}
print(15, t[1])
t = {{1, 2}, {3, {4}}}
print(17, t[1][2], t[2][2][1])
t = {["with space"] = 1, ["end"] = 2, [true] = 3}
print(18, t["with space"], t["end"], t[true])
t = {1, 2, nil}
print(19, #t)
t = {n = select('#', f()), f()}
print(20, t.n, #t)
local k = "dyn"
t = {[k] = 1, [k .. "2"] = 2}
print(21, t.dyn, t.dyn2)
t = {[1.0] = "one", [2] = "two"}
print(22, t[1], #t)
t = {f = function(x) return x end, g = print ~= nil}
print(24, t.f(5), t.g)
t = {-1, - 2, x = -3}
print(25, t[1], t[2], t.x)
local big = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
  21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
  41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, f()}
print(26, #big, big[50], big[60], big[63])
print(27, loadstring("t = {1 2}"))
print(28, loadstring("t = {x = }"))
print(29, loadstring("t = {[1] 2}"))
print(30, loadstring("t = {,}"))
