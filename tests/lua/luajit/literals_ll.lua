-- LuaJIT's numeral suffixes: LL (int64_t), ULL/LLU (uint64_t) in any case on
-- decimal, hex and binary integers, i (imaginary) on any numeral; what is
-- malformed; literals are boxes (cdata) made once per literal, never folded
-- as numbers; string.dump keeps them.
print(1, 1LL, 1ll, 1Ll, 1ULL, 1uLL, 1LLU, 1llu, 0xffULL, 0XFFll, 0b101LL, 00012LL)
print(2, 9223372036854775807LL, 9223372036854775808LL, 18446744073709551615LL,
      18446744073709551615ULL, 0x8000000000000000LL, 0xffffffffffffffffULL)
print(3, 1i, 12.5i, 12.5I, .5i, 5.i, 1e-2i, 0x1.8i, 0x1P4i, 0b101i, 1e400i, 0i)
print(4, type(1LL), type(1i), getmetatable(1LL), getmetatable(1i))
-- folding: a negated literal is folded; arithmetic on literals is not
print(5, -1LL, -0ULL, -1ULL, - -2LL, -0x8000000000000000LL, -2i, -(0i), 2^63LL)
print(6, 1LL + 2LL, 2 * 3LL, 10LL / 4, 2LL ^ 3, 7 % 4LL, - 3 * 2LL, -(2LL * 3))
print(7, not 1LL, not not 0LL, 1LL and 2, nil or 3i, 1LL or error("x"))
if 0LL then print(8, "0LL is true") end
while 1LL do print(9, "loop") break end
local t = {[1LL] = "k", 3LL, a = 4LL, 5i}
print(10, tostring(t[1]), t.a, tostring(t[2]), t[1LL])
-- the same literal gives the same box each time; two literals, two boxes
local boxes = {}
for i = 1, 3 do boxes[i] = 42LL end
print(11, rawequal(boxes[1], boxes[3]), rawequal(42LL, 42LL))
-- in an upvalue and a closure
local up = 1LL
local function bump() up = up + 1ULL; return up end
bump()
print(12, bump(), up)
-- malformed ones
local function try(src)
  local f, e = loadstring("return " .. src, "=src")
  if not f then return e end
  local ok, v = pcall(f)
  return tostring(v)
end
for _, s in ipairs{"1.5LL", "1e2LL", "0x1p4LL", "1UL", "1U", "1L", "1ULLU", "1LLx",
                   "1LL..", "1LL.5", "1iLL", "1ii", "1i2", "0xi", "1_LL", "1e+LL",
                   "18446744073709551616LL", "0x10000000000000000ULL", "1.5LLi",
                   "99999999999999999999LL", "1LL .. 2", "1i..x"} do
  print(13, s, try(s))
end
-- not numbers for tonumber
print(14, tonumber("1LL"), tonumber("0x10ULL"), tonumber("1i"), tonumber(" 5LL "))
-- string.dump and load round trip
local function k() return 5LL, -2i, 18446744073709551615ULL, 0x7fffffffffffffffLL, -0i end
local g = loadstring(string.dump(k))
local r = {g()}
for i = 1, #r do r[i] = tostring(r[i]) .. ":" .. type(r[i]) end
print(15, table.concat(r, " "))
print(16, tostring(g()) == "5LL", g() == 5, rawequal(g(), g()))
