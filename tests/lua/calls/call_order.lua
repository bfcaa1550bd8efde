-- Evaluation order in calls and expressions.
local log = ""
local function e(x) log = log .. x; return x end
local function f(...) return ... end
f(e("1"), e("2"), e("3"))
print(1, log)
log = ""
local t = {e("a"), e("b"), k = e("c"), e("d")}
print(2, log)
log = ""
local r = e(1) + e(2) * e(3)
print(3, log, r)
log = ""
r = e("x") .. e("y") .. e("z")
print(4, log, r)
log = ""
local obj = {m = function(self, a, b) return a .. b end}
local function getobj() log = log .. "o"; return obj end
r = getobj():m(e("p"), e("q"))
print(5, log, r)
log = ""
local function getf() log = log .. "F"; return f end
getf()(e("1"), e("2"))
print(6, log)
log = ""
local tt = {}
local function gett() log = log .. "T"; return tt end
gett()[e("k")] = e("v")
print(7, log, tt.k)
log = ""
r = e(1) < e(2)
print(8, log, r)
log = ""
r = e(2) > e(1)
print(9, log, r)
