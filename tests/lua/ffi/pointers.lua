-- pointer arithmetic, differences, comparisons, nil as NULL
local ffi = require("ffi")
local function show(x) return (tostring(x):gsub("0x%x+", "ADDR")) end

local a = ffi.new("int[4]", {1, 2, 3, 4})
local p = a + 1
print(p[0], p[-1], (p + 2)[0], p - a, a - p, (a + 3) - p, (1 + p)[0], (p - 1)[0])
print(p > a, p == a + 1, a == a, p < a, p <= p, p >= a)
print(ffi.typeof(p), ffi.typeof(a + 0))
print(pcall(function() return p + p end))
print(pcall(function() return a < 1 end))
print(a == 1, a == nil, ffi.new("int *") == nil, nil == ffi.new("int *"))
local null = ffi.cast("void *", 0)
print(null == nil, show(null), null ~= nil)
local np = ffi.new("int *")
if np == nil then print("NULL pointer") end
print(ffi.cast("intptr_t", ffi.cast("void *", 1234)) == 1234)

local d = ffi.new("double[3]", 1.5, 2.5, 3.5)
local dp = ffi.cast("double *", d)
print(dp[2], (dp + 1)[0], dp + 2 - dp)
local v = ffi.cast("void *", dp)
print(show(v), ffi.cast("double *", v)[1])
print(pcall(function() return v[0] end))

-- pointer to pointer
local strs = ffi.new("const char *[3]", {"one", "two", "three"})
local sp = ffi.cast("const char **", strs)
print(ffi.string(sp[0]), ffi.string(sp[2]), ffi.string(strs[1]))
local ip = ffi.new("int *[1]")
ip[0] = a + 2
print(ip[0][0], ip[0][1])

-- comparisons with incompatible operands
print(pcall(function() return a < "x" end))
print(a == "x", a == {}, a == true)
