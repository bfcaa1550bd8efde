-- arrays: initializers, 0-based indexing, VLAs, a numeric loop over doubles
local ffi = require("ffi")

print(ffi.new("int[3]", 1)[2], ffi.new("int[3]", 1, 2)[2], ffi.new("int[3]", {1})[2])
print(ffi.new("int[3]", {[0] = 5, 6})[1], ffi.new("int[3]", {7, 8, 9})[0])
print(pcall(ffi.new, "int[3]", 1, 2, 3, 4))
print(pcall(ffi.new, "int[3]", {1, 2, 3, 4}))
print(ffi.new("int[?]", 3, 9)[2], ffi.new("int[?]", 4)[3])
print(pcall(ffi.new, "int[?]"))
local c = ffi.new("char[4]", "abc")
print(c[0], c[1], c[2], c[3], ffi.string(c))
print(ffi.string(ffi.new("char[3]", "abcd"), 3))
local copy = ffi.new("int[2]", ffi.new("int[2]", 7))
print(copy[0], copy[1])

local a = ffi.new("int[4]")
for i = 0, 3 do a[i] = i * i end
print(a[0], a[1], a[2], a[3])
a[1.9] = 42
print(a[1])
print(pcall(function() a[0] = "x" end))
print(pcall(function() return a.x end))
print(pcall(function() a.x = 1 end))
print(pcall(function() return #a end))
print(pcall(function() return a .. "x" end))
print(pcall(function() return a * 2 end))

-- the manual's numeric loop over an array of doubles
local N = 1000
local x = ffi.new("double[?]", N)
for i = 0, N - 1 do x[i] = i * 0.5 end
local sum = 0
for i = 0, N - 1 do sum = sum + x[i] * x[i] end
print(sum)

-- arrays of arrays and of structs
ffi.cdef[[typedef struct { unsigned char red, green, blue, alpha; } rgba_pixel;]]
local function image_ramp_green(n)
  local img = ffi.new("rgba_pixel[?]", n)
  local f = 255 / (n - 1)
  for i = 0, n - 1 do
    img[i].green = i * f
    img[i].alpha = 255
  end
  return img
end
local function image_to_grey(img, n)
  for i = 0, n - 1 do
    local y = 0.3 * img[i].red + 0.59 * img[i].green + 0.11 * img[i].blue
    img[i].red = y; img[i].green = y; img[i].blue = y
  end
end
local img = image_ramp_green(16)
image_to_grey(img, 16)
print(img[0].green, img[5].red, img[15].green, img[15].alpha)
local m = ffi.new("int[2][3]", {{1, 2, 3}, {4, 5, 6}})
print(m[0][2], m[1][0], m[1][2], ffi.sizeof(m))
local row = m[1]
row[1] = 50
print(m[1][1], tostring(ffi.typeof(row)))
