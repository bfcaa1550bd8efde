-- Varargs: select, counts, nils, tables, unpack.
print(1, select('#'), select('#', nil), select('#', nil, nil))
print(2, select(2, "a", "b", "c"))
print(3, select(-1, "a", "b", "c"))
print(4, select(-2, "a", "b", "c"))
print(5, select(3, "a", "b", "c"))
print(6, select(4, "a", "b", "c"))
local function count(...) return select('#', ...) end
print(7, count(), count(nil), count(1, nil), count(nil, nil, nil))
local function pass(...) return ... end
print(8, count(pass(1, nil, 3, nil)))
print(9, pass(1, nil, 3, nil))
local function tbl(...) return {...} end
local t = tbl(1, nil, 3)
print(10, t[1], t[2], t[3])
t = tbl(nil, nil, nil)
print(11, t[1], t[2], t[3])
local function fixed(a, b, ...) return a, b, select('#', ...) end
print(12, fixed(1))
print(13, fixed(1, 2, 3, 4, 5))
local function first(...) local a, b = ... return a, b end
print(14, first(9, 8, 7))
print(15, first())
local function middle(...) return ..., "end" end
print(16, middle(1, 2, 3))
local function paren(...) return (...) end
print(17, paren(1, 2, 3))
print(18, count(paren()))
local function vat(...) local t = {n = select('#', ...), ...} return t.n, #t end
print(19, vat(1, 2, 3))
-- main chunk varargs (no command line arguments)
print(20, select('#', ...))
-- varargs in a loaded chunk
local chunk = loadstring("return select('#', ...), ...")
print(21, chunk(1, nil, 3))
print(22, chunk())
-- unpack with ranges
print(23, unpack({1, 2, 3}))
print(24, unpack({1, 2, 3}, 2))
print(25, unpack({1, 2, 3}, 2, 3))
print(26, unpack({1, 2, 3}, 1, 5))
print(27, unpack({1, 2, 3}, 3, 1))
print(28, unpack({}, 1, 2))
print(29, count(unpack({}, 1, 0)))
print(30, unpack({1, nil, 3}, 1, 3))
-- varargs forwarded through several levels
local function lvl3(...) return select('#', ...), ... end
local function lvl2(...) return lvl3(...) end
local function lvl1(...) return lvl2(...) end
print(31, lvl1(nil, nil))
-- 'select' with a negative index that counts from the end
print(32, select(-3, 1, 2, 3))
print(33, pcall(select, -4, 1, 2, 3))
print(34, pcall(select, 0, 1))
-- varargs are not a table: modifying a copy does not affect others
local function mod(...) local t = {...}; t[1] = "changed"; return ... end
print(35, mod("orig", 2))
-- '...' outside a vararg function is a compile error
print(36, loadstring("function f() return ... end"))
