-- ffi.metatype: the manual's point example, every metamethod, __gc
local ffi = require("ffi")

ffi.cdef[[ typedef struct { double x, y; } point_t; ]]
local point
local mt = {
  __add = function(a, b) return point(a.x + b.x, a.y + b.y) end,
  __len = function(a) return math.sqrt(a.x * a.x + a.y * a.y) end,
  __index = {
    area = function(a) return a.x * a.x + a.y * a.y end,
  },
}
point = ffi.metatype("point_t", mt)
local a = point(3, 4)
print(a.x, a.y)
print(#a)
print(a:area())
local b = a + a
print(b.x, b.y)
print(ffi.typeof(b) == point)

ffi.cdef[[
struct vec { int n; };
struct named { int id; };
struct counted { int v; };
]]
local calls = {}
local Vec = ffi.metatype("struct vec", {
  __index = function(v, k) return "index " .. k end,
  __newindex = function(v, k, x) calls[#calls + 1] = k .. "=" .. tostring(x) end,
  __eq = function(a, b) return a.n == b.n end,
  __lt = function(a, b) return a.n < b.n end,
  __le = function(a, b) return a.n <= b.n end,
  __sub = function(a, b) return "sub" end,
  __mul = function(a, b) return "mul" end,
  __div = function(a, b) return "div" end,
  __mod = function(a, b) return "mod" end,
  __pow = function(a, b) return "pow" end,
  __unm = function(a) return "unm" end,
  __concat = function(a, b) return "concat" end,
  __call = function(self, x) return "called with " .. tostring(x) end,
  __tostring = function(v) return "vec(" .. v.n .. ")" end,
})
local v1, v2 = Vec(1), Vec(2)
print(v1.n, v1.missing, v1.other)
v1.foo = 5
print(calls[1])
print(v1 == Vec(1), v1 == v2, v1 < v2, v2 <= v1, v1 > v2)
print(v1 - v2, v1 * 2, 2 / v1, v1 % v2, v1 ^ 2, -v1, v1 .. "x", "x" .. v1)
print(v1(42), tostring(v1))
local pv = ffi.new("struct vec *", v2)
print(pv.n, pv.something, tostring(pv):match("^cdata<struct vec %*>"))
print(pcall(ffi.metatype, "struct vec", {}))

-- a table __index also serves the ctype itself
local Named = ffi.metatype("struct named", { __index = { kind = "named", get = function(s) return s.id end } })
print(Named.kind, Named(9):get())

-- __gc runs when the object is collected
local log = {}
local Counted = ffi.metatype("struct counted", { __gc = function(c) log[#log + 1] = c.v end })
do
  local c1 = Counted(10)
  local c2 = Counted(20)
end
collectgarbage()
collectgarbage()
table.sort(log)
print(#log, log[1], log[2])
