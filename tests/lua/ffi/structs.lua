-- structs and unions: initializers, fields (nested, through pointers), references
local ffi = require("ffi")
local function show(x) return (tostring(x):gsub("0x%x+", "ADDR")) end

ffi.cdef[[
struct foo { int a; double b; const char *s; int arr[4]; struct { int x, y; } inner; };
struct pair { int first, second; };
union bits { uint32_t u; uint8_t b[4]; float f; };
struct flags { unsigned int lo : 4; unsigned int hi : 4; int sign : 3; };
]]

local f = ffi.new("struct foo")
print(show(f), show(f.arr), show(f.s), f.a, f.b)
print(ffi.typeof(f), ffi.typeof(f.arr), ffi.typeof(f.s))
f.a = 7; f.b = 2.5; f.arr[2] = 9; f.inner.y = 3
print(f.a, f.b, f.arr[2], f.inner.y, f.inner.x)
print(pcall(function() return f.zzz end))
print(pcall(function() f.zzz = 1 end))
print(pcall(function() f.a = "x" end))
print(pcall(function() return f[0] end))
print(pcall(function() return f.a.b end))

local p = ffi.new("struct pair", {1, 2})
print(p.first, p.second)
p = ffi.new("struct pair", 3, 4)
print(p.first, p.second)
p = ffi.new("struct pair", {second = 8, first = 7})
print(p.first, p.second)
p = ffi.new("struct pair", {second = 8})
print(p.first, p.second)
print(pcall(ffi.new, "struct pair", 1, 2, 3))
print(ffi.new("struct pair", {c = 1}).first)

-- a pointer to a struct: fields through it, writes seen by the struct
local q = ffi.cast("struct pair *", p)
print(q.second, q[0].second)
q.first = 11
print(p.first, show(q))
local pp = ffi.new("struct pair *", p)
print(pp.first, show(pp))

-- struct assignment copies
local s1 = ffi.new("struct pair", 1, 2)
local holder = ffi.new("struct pair[2]")
holder[1] = s1
s1.first = 100
print(holder[1].first, holder[1].second, holder[0].first)
holder[0] = {5, 6}
print(holder[0].first, holder[0].second)

local u = ffi.new("union bits")
u.u = 0x01020304
print(u.b[0], u.b[3], ffi.sizeof(u))
u.f = 1.0
print(u.u)

local fl = ffi.new("struct flags")
fl.lo = 15; fl.hi = 17; fl.sign = -1
print(fl.lo, fl.hi, fl.sign, ffi.sizeof(fl))
print(ffi.offsetof("struct flags", "hi"))

print(pcall(ffi.cdef, "struct pair { int z; };"))
ffi.cdef[[typedef int myint; typedef int myint;]]
print(ffi.sizeof("myint"))
print(f == f, f == ffi.new("struct foo"), pcall(function() return f < f end))
print(pcall(function() return f + 1 end))
