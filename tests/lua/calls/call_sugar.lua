-- Call syntax variants.
local function show(...)
  local out = select('#', ...) .. ":"
  for i = 1, select('#', ...) do out = out .. " " .. type((select(i, ...))) end
  return out
end
print(1, show"string")
print(2, show[[long string]])
print(3, show{1, 2})
print(4, show())
print(5, show(nil))
local t = {show = show}
print(6, t.show"x", t:show"x")
print(7, t:show{}, t:show())
-- chained sugar
local function chain(x) return function(y) return function(z) return x .. y .. z end end end
print(8, chain"a""b""c")
print(9, chain"a"[[b]]"c")
local function tk(t) return function(s) return t[1] .. s end end
print(10, tk{"tbl"}"str")
-- indexing a call result
local function gett() return {field = "F", 10, 20} end
print(11, gett().field, gett()[2])
-- method on a call result
local function getobj() return {m = function(self, x) return x end} end
print(12, getobj():m("meth"))
-- string literal method needs parentheses
print(13, ("abc"):upper(), ("%d"):format(5))
print(14, loadstring("x = 'abc':upper()"))
