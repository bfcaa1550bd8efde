-- ffi.typeof names, sizes, alignments, offsets and istype, as LuaJIT prints them
local ffi = require("ffi")

ffi.cdef[[
typedef struct point { double x, y; } point_t;
struct rec { char tag; int n; double v; const char *name; int arr[4]; };
union num { int i; float f; unsigned char b[4]; };
enum color { RED, GREEN = 5, BLUE };
typedef int (*callback_t)(int, const char *);
]]

local names = {
  "int", "unsigned", "long", "size_t", "int64_t", "uint64_t", "int8_t", "uint8_t",
  "int16_t", "uint16_t", "int32_t", "uint32_t", "char", "signed char", "unsigned char",
  "short", "long long", "unsigned long long", "float", "double", "bool", "_Bool",
  "intptr_t", "ssize_t", "void", "void *", "const char *", "char **", "int[10]",
  "int[?]", "int *[3]", "int (*)[3]", "char *[2][3]", "const int", "int * const",
  "const char *const *", "volatile int", "point_t", "point_t *", "struct point",
  "union num", "enum color", "callback_t", "int (*)(int, ...)", "int &",
}
for i, t in ipairs(names) do
  print(i, t, tostring(ffi.typeof(t)))
end

print(ffi.sizeof("int"), ffi.sizeof("char"), ffi.sizeof("double"), ffi.sizeof("void *"))
print(ffi.sizeof("struct rec"), ffi.sizeof("union num"), ffi.sizeof("point_t"))
print(ffi.sizeof("int[10]"), ffi.sizeof("int[?]", 7), ffi.sizeof(ffi.new("int[?]", 5)))
print(ffi.alignof("double"), ffi.alignof("char"), ffi.alignof("struct rec"))
print(ffi.offsetof("struct rec", "tag"), ffi.offsetof("struct rec", "n"),
      ffi.offsetof("struct rec", "v"), ffi.offsetof("struct rec", "arr"))
print(ffi.offsetof("struct rec", "nosuch"))
print(ffi.sizeof(ffi.typeof("point_t")), ffi.sizeof(ffi.new("point_t")))

print(ffi.istype("int", ffi.new("int")), ffi.istype("int", 1), ffi.istype("double", ffi.new("int")))
print(ffi.istype("point_t", ffi.new("struct point")), ffi.istype("int *", ffi.new("int[2]")))
print(ffi.istype(ffi.typeof("int *"), ffi.cast("int *", 0)))

print(type(ffi.typeof("int")), type(ffi.new("int")), type(ffi.C))
print(ffi.typeof("int") == ffi.typeof("int"), ffi.typeof("int") == ffi.typeof("double"))
print(getmetatable(ffi.new("int")))
local p = ffi.new("point_t")
print(ffi.typeof(p), ffi.typeof(ffi.new("int[3]")))
print(ffi.abi("64bit"), ffi.abi("32bit"), ffi.abi("le"), ffi.abi("be"), ffi.abi("win"), ffi.abi("nonsense"))
print(ffi.os, ffi.arch)
