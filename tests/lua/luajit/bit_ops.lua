-- The bit library in detail: number normalisation, every operation, tohex's
-- widths and the argument errors.
local nums = {0, 1, -1, 0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2^31, -2^31, 2^31 - 1, 2^32, 2^32 + 1,
              -2^32 - 1, 2^52, 2^52 + 1, 2^53, 2^53 + 2, 2^60 + 2^33 + 5, -2^60, 2^64, 1e300,
              1/0, -1/0, 0/0, 4294967295.5, 4294967296.5, 123.456, -123.456, 2^-1074}
local out = {}
for i, n in ipairs(nums) do out[i] = bit.tobit(n) end
print(1, table.concat(out, " "))
out = {}
for i, n in ipairs(nums) do out[i] = bit.tohex(n) end
print(2, table.concat(out, " "))
print(3, bit.bnot(0), bit.bnot(1), bit.bnot(2^31), bit.bnot(0.5), bit.bnot(-2^31))
print(4, bit.band(0xf0f0, 0xff00, 0xfff0), bit.bor(1, 2, 4, 8, 16, 32), bit.bxor(0xff, 0x0f, 0xf0, 1))
print(5, bit.band(7), bit.bor(-1), bit.bxor(2^32 + 3), bit.band(-1, -1, 2^31))
for _, n in ipairs{0, 1, 4, 31, 32, 33, 63, 64, -1, -31, -32, 2^32 + 1, 1.5, 2.5} do
  print(6, n, bit.lshift(0x12345678, n), bit.rshift(0x87654321, n), bit.arshift(0x87654321, n),
        bit.rol(0x12345678, n), bit.ror(0x12345678, n))
end
print(7, bit.bswap(0), bit.bswap(0x12345678), bit.bswap(0x80), bit.bswap(-2), bit.bswap(2^32 + 0x01020304))
for _, n in ipairs{0, 1, 2, 7, 8, 9, 15, 16, 17, 64, 254, 255, 256, 257, 300, 1000, 2^31 - 1, 2^31,
                   2^32, 2^32 + 3, -1, -2, -8, -9, -16, -17, -254, -255, -256, -257, -2^31, 0.5, 1.5, 2.5} do
  local s = bit.tohex(0x1234abcd, n)
  print(8, n, #s, s, bit.tohex(0, n), bit.tohex(-1, n))
end
print(9, bit.tohex(1, "3"), bit.tohex("255"), bit.tohex(2^40 + 255), bit.tohex(-1, 2^32 + 2))
print(10, bit.tobit("0x10"), bit.tobit(" 12 "), bit.band("7", 3), bit.lshift("1", "4"))
print(11, pcall(bit.tobit))
print(12, pcall(bit.tobit, "x"))
print(13, pcall(bit.band, 1, {}))
print(14, pcall(bit.bor, 1, 2, nil))
print(15, pcall(bit.lshift, 1))
print(16, pcall(bit.rshift, nil, 1))
print(17, pcall(bit.tohex, 1, true))
print(18, pcall(bit.bswap))
print(19, pcall(function() local x = bit.bxor(1, "a") return x end))
print(20, pcall(function() local x = bit.rol() return x end))
print(21, pcall(function() local x = bit.tohex({}) return x end))
print(22, pcall(function() local x = bit.arshift(1, {}) return x end))
