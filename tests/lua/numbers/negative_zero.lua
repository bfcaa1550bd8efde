-- Negative zero computed at run time.
local zero = tonumber("0")
local nz = -zero
print(1, nz, zero, tostring(nz), nz .. "")
print(2, nz == zero, nz < zero, nz <= zero)
print(3, 1 / nz, 1 / zero)
print(4, nz * 5, zero * -5, nz + zero, nz - zero, nz * nz)
print(5, string.format("%g %.1f", nz, nz))
local t = {}
t[nz] = "negzero key"
print(6, t[zero], t[nz])
print(7, -nz, math.abs(nz))
print(8, tostring(-1e-320 * 1e-10))
print(9, tonumber("-0"), tonumber("-0") == zero)
