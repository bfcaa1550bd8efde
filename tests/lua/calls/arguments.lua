-- Argument passing: extra arguments dropped, missing ones nil.
local function three(a, b, c) return a, b, c end
print(1, three())
print(2, three(1))
print(3, three(1, 2, 3, 4, 5))
print(4, three(nil, nil, 3))
local function count(...) return select('#', ...) end
print(5, count(nil, nil), count(three()))
-- arguments are evaluated left to right
local log = ""
local function e(x) log = log .. x; return x end
three(e("a"), e("b"), e("c"))
print(6, log)
-- arguments are passed by value (tables by reference)
local function modify(n, t) n = n + 1; t.v = "changed" end
local n, t = 1, {v = "orig"}
modify(n, t)
print(7, n, t.v)
-- parameters are locals
local function reassign(a) a = "new"; return a end
print(8, reassign("old"))
-- many parameters
local function many(a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12)
  return a1 + a12, a6
end
print(9, many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12))
-- calling with a table argument and string argument without parens
local function kind(x) return type(x) end
print(10, kind{}, kind"", kind[[x]])
-- passing functions as arguments
local function apply(f, ...) return f(...) end
print(11, apply(three, "x", "y"))
print(12, apply(math.max, 3, 9, 4))
print(13, apply(apply, three, 1))
-- arguments to builtins
print(14, tostring(12), tonumber("12"), type(nil))
