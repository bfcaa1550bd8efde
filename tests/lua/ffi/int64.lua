-- 64-bit integers crossing into and out of C types
local ffi = require("ffi")
print(ffi.typeof(5LL), ffi.typeof(5ULL), ffi.typeof(1i), ffi.istype("int64_t", 5LL), ffi.istype("uint64_t", 5LL), ffi.sizeof(5LL))
print(ffi.new("int64_t", 5LL), tonumber(ffi.new("double", 2LL)), ffi.cast("int64_t", 3), ffi.new("uint64_t[1]", 9ULL)[0])
local a = ffi.new("int[4]", 1, 2, 3, 4)
print(a[2LL], (a + 1LL)[0])
print(ffi.new("long", 3) + 1, ffi.new("size_t", 3) * 2, ffi.new("int64_t", 1) == 1LL)
