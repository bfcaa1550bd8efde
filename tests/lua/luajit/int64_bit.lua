-- LuaJIT 2.1's bit library on boxed 64-bit integers: any cdata argument
-- makes the operation 64-bit (uint64_t if one is unsigned), numbers then
-- convert by truncation in band/bor/bxor, shift counts use 6 bits, tohex
-- prints 16 digits; tobit gives the low 32 bits as a number.
local function show(n, ...)
  local t = {...}
  for i = 1, select('#', ...) do t[i] = tostring(t[i]) end
  print(n, table.concat(t, ' '))
end
show(1, bit.band(1LL, 3), bit.bor(1, 2ULL), bit.bxor(5LL, 3LL), bit.band(1ULL, -1LL))
show(2, bit.bor(2^40, 0LL), bit.bor(-1, 0LL), bit.bor(2^63, 0ULL), bit.bor(-1.5, 0ULL))
show(3, bit.bor(0LL, 2^32 + 5), bit.bor(1LL, 2.7, -2.7), bit.band(2^40, 3LL), bit.bor("5", 1LL))
show(4, bit.bor(1LL, "0x10"), bit.band(1, 1i), bit.bor(1ULL, 2i), bit.band(-1LL))
show(5, bit.lshift(1LL, 63), bit.lshift(1LL, 64), bit.rshift(-1LL, 60), bit.arshift(-1LL, 60))
show(6, bit.rol(1LL, 65), bit.ror(1LL, 1), bit.rol(0x8000000000000001ULL, 1), bit.lshift(1LL, -1))
show(7, bit.lshift(1, 40LL), bit.lshift(2^40, 1LL), bit.rshift(-1, 1LL), bit.arshift(-256, 4LL))
show(8, bit.bnot(0ULL), bit.bnot(5LL), bit.bnot(5), bit.bswap(1LL), bit.bswap(0x0102030405060708ULL))
show(9, bit.tobit(1ULL), bit.tobit(-1LL), bit.tobit(2^31 + 0LL), bit.tobit(3i), bit.tobit(2^40 + 1LL))
show(10, bit.tohex(-1LL), bit.tohex(255ULL, 4), bit.tohex(255LL, -20), bit.tohex(0x123456789abcdefLL))
show(11, bit.tohex(1LL, 20), bit.tohex(1LL, 0), bit.tohex(-1LL, 1), bit.tohex(1, 2LL), bit.tohex(2^40))
for _, n in ipairs{8, 16, 17, 254, 255, 256, 300, -300, -254, -255} do
  show(12, n, #bit.tohex(1LL, n), bit.tohex(-1LL, n):sub(-3))
end
-- errors: a bad argument names the function and the argument
local function bad(f, ...)
  local ok, e = pcall(f, ...)
  return ok and "ok" or e:match("bad argument #%d+ to '%w+' %(.-%)") or e
end
show(13, bad(bit.bor, 1LL, nil), bad(bit.bor, 1LL, {}), bad(bit.band), bad(bit.lshift, 1LL))
show(14, bad(bit.tohex), bad(bit.bor, 1LL, true), bad(bit.bnot, "x"), bad(bit.band, 1LL, "y"))
-- in a loop (compiled code)
local h = 0xcbf29ce484222325ULL
for i = 1, 200 do
  h = bit.bxor(h, i) * 0x100000001b3ULL
end
show(15, h, bit.tohex(h))
