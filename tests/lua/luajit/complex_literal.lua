-- Imaginary literals (12.5i) are complex cdata: tostring prints re+imi
-- (with I after an infinite part), .re/.im and [0]/[1] read the parts,
-- tonumber gives the real part; complex numbers have no arithmetic and no
-- order, and equal only themselves.
local function err(f, ...)
  local ok, e = pcall(f, ...)
  return ok and tostring(e) or e
end
local c = 3i
print(1, c, 12.5i, -2i, -(0i), 1e400i, -1e400i, 1e15i, 123456789012345678i, 1e-300i)
print(2, c.re, c.im, c[0], c[1], (2.5i).im, tonumber(c), tonumber(-2i), type(c))
print(3, c == c, c ~= c, c == 3i, c == 3, c == nil, rawequal(c, c))
print(4, err(function() return c + 1 end))
print(5, err(function() return 1 - c end))
print(6, err(function() return -c end))
print(7, err(function() return c * c end))
print(8, err(function() return c < 1 end))
print(9, err(function() return c <= c end))
print(10, err(function() return c .. "" end))
print(11, err(function() return #c end))
print(12, err(function() return c.foo end))
print(13, err(function() c.re = 1 end))
print(14, err(function() c[0] = 1 end))
print(15, err(function() return c[true] end))
print(16, err(function() return 1LL + c end))
print(17, tostring(c):upper(), string.format("%s|%8s|%q", c, 1i, -1i))
local t = {}
t[c] = 1
t[3i] = 2
local n = 0
for _ in pairs(t) do n = n + 1 end
print(18, n, t[c])
