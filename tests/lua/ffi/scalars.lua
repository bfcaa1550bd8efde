-- scalar cdata: conversions from Lua values, tonumber, tostring
local ffi = require("ffi")
local function show(x) return (tostring(x):gsub("0x%x+", "ADDR")) end

local n = tonumber
print(n(ffi.new("int", 3.7)), n(ffi.new("int", -3.7)), n(ffi.new("uint8_t", 300)))
print(n(ffi.new("int", 2^31)), n(ffi.new("int", 0/0)), n(ffi.new("int", -2^40)))
print(n(ffi.new("uint32_t", -1)), n(ffi.new("int8_t", 200)), n(ffi.new("uint32_t", 2^33 + 5)))
print(n(ffi.new("int16_t", 70000)), n(ffi.new("uint16_t", -1)), n(ffi.new("uint32_t", 1e10)))
print(n(ffi.new("bool", true)), n(ffi.new("bool", 0)), n(ffi.new("bool", 2)), n(ffi.new("int", true)))
print(n(ffi.new("char", 200)), n(ffi.new("float", 0.1)), n(ffi.new("double", 1.5)))
print(n(ffi.new("int")), n(ffi.new("double")), n(ffi.cast("int", 3.5)), n(ffi.cast("uint8_t", 257)))
print(n(ffi.new("int *")), n(ffi.new("int[2]")))
print(show(ffi.new("int", 5)), show(ffi.new("double", 1)), show(ffi.new("bool", 1)))
print(show(ffi.new("int *")), show(ffi.cast("void *", 1234)), show(ffi.cast("int *", 0)))
print(show(ffi.new("char", 65)), show(ffi.new("unsigned char")), show(ffi.new("float")))
print(type(ffi.new("int", 5)), type(ffi.new("int *")))

ffi.cdef[[enum e { A, B = 5 };]]
print(ffi.C.A, ffi.C.B, show(ffi.new("enum e", 5)), show(ffi.new("enum e", "B")))
print(n(ffi.new("enum e", "B")), ffi.new("enum e", 5) == "B", ffi.new("enum e", 0) == "B")
print(pcall(ffi.new, "enum e", "C"))
local ea = ffi.new("enum e[1]", 5)
print(type(ea[0]), show(ea[0]), ea[0] == 5)

for _, bad in ipairs{ {"int", "x"}, {"int", {}}, {"int", nil}, {"bool", "x"},
                      {"double", ffi.new("int *")}, {"int *", 5}, {"int *", "abc"},
                      {"double *", ffi.new("int[2]")}, {"int *", ffi.new("const int *")} } do
  print(bad[1], pcall(ffi.new, bad[1], bad[2]))
end
print(show(select(2, pcall(ffi.new, "void *", ffi.new("int[2]")))))
print(show(select(2, pcall(ffi.new, "const int *", ffi.new("int *")))))
print(show(select(2, pcall(ffi.new, "const char *", "abc"))))
print(ffi.new("int", 3) == 3, ffi.new("int", 3) == ffi.new("int", 3), ffi.new("int", 3) < 4)
print(ffi.new("int", 3) <= 2, ffi.new("double", 2.5) > 2, ffi.new("bool", 5) == true)
