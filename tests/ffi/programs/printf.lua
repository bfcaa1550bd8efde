-- the manual's first example: ffi.C.printf, whose output interleaves with print's
local ffi = require("ffi")
ffi.cdef[[
int printf(const char *fmt, ...);
]]
print("before")
ffi.C.printf("Hello %s!\n", "world")
local n = ffi.C.printf("%d %s %g %d|%5.2f|%s\n", ffi.new("int", 42), "str", 1.5, true, 3.14159, nil)
print(n)
io.write("after\n")
