-- calling C functions through ffi.C: conversions of arguments and results
local ffi = require("ffi")
local function show(x) return (tostring(x):gsub("0x%x+", "ADDR")) end

ffi.cdef[[
size_t strlen(const char *s);
int abs(int);
double sqrt(double);
double floor(double);
char *strcpy(char *dst, const char *src);
int strcmp(const char *a, const char *b);
int snprintf(char *buf, size_t n, const char *fmt, ...);
int atoi(const char *s);
long labs(long);
void *memset(void *s, int c, size_t n);
void free(void *p);
void *malloc(size_t n);
int toupper(int c);
typedef int (*cmp_fn)(const void *, const void *);
void qsort(void *base, size_t n, size_t size, cmp_fn cmp);
]]
local C = ffi.C
print(type(C), show(C.strlen), show(C.abs))
print(C.strlen("hello"), type(C.strlen("hello")), C.abs(-3), C.sqrt(2), C.abs(-3.9))
print(C.strcmp("a", "b") < 0, C.atoi("123"), C.labs(-5), C.toupper(97), C.floor(-2.5))
print(select("#", C.free(nil)))
print(pcall(C.abs, "x"))
print(pcall(C.abs))
print(pcall(C.abs, 1, 2))
print(pcall(C.strcpy, 5, "x"))
print(pcall(function() return C.undeclared end))
print(pcall(function() C.abs = 1 end))

local buf = ffi.new("char[32]")
local r = C.strcpy(buf, "abc")
print(type(r), ffi.string(r), r == buf, ffi.string(buf, 2), show(ffi.typeof(r)))
local n = C.snprintf(buf, 32, "%d|%s|%.2f|%d|%s", ffi.new("int", 42), "str", 1.5, true, nil)
print(n, ffi.string(buf))
n = C.snprintf(buf, 32, "%lld %u %c", ffi.new("int64_t", -7), ffi.new("unsigned", 7), ffi.new("char", 65))
print(n, ffi.string(buf))

local mem = ffi.cast("unsigned char *", C.malloc(8))
C.memset(mem, 65, 8)
print(mem[0], mem[7], ffi.string(mem, 8))
C.free(mem)

-- a Lua function as a C callback
local arr = ffi.new("int[6]", {5, 3, 9, 1, 7, 2})
C.qsort(arr, 6, ffi.sizeof("int"), function(pa, pb)
  local x, y = ffi.cast("const int *", pa)[0], ffi.cast("const int *", pb)[0]
  return x < y and -1 or (x > y and 1 or 0)
end)
print(arr[0], arr[1], arr[2], arr[3], arr[4], arr[5])

ffi.errno(0)
print(ffi.errno(33), ffi.errno())
