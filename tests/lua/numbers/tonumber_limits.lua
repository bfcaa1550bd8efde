-- tonumber at the edges of what C strtod and strtoul read: overflow to inf,
-- hex floats, payloads of nan, a NUL ending the C string, huge inputs.
local cases = {"0x1p1024", "-0x1p1024", "0x1p-1080", "0x" .. ("f"):rep(300), "1e999999999", "-1e999999999",
 "1e-999999999", "0x", "0x ", "1e", "1e+", ".", ".5", "5.", "0x.8", "0x1.", "0x1.8p1", "0x.p1",
 " \t\n5\v\f\r", "5\0abc", "\0", "inf", "-inf", "nan", "infinity", "INF", "nan(123)", "-nan", "0x1P4", "0X1p+4",
 "1e5x", "0x10x", "1 2", "", " ", "+5", "++5", "+-5", "- 5", "0x+1", "0x-1", "-0x10", "1.5e+3", "1.5E-3",
 "0b101", "1_0", "0x1p", "0x1p+", "1ee5", "0x1e", "00012", "0x0000000000000000000001", "1" .. ("0"):rep(400),
 "0." .. ("0"):rep(400) .. "1", "0x1.fffffffffffff8p1023", "0x1p99999999999999999999", "0x1p-99999999999999999999",
 "1e-400", "0x.0000000000000000000000000001", "infx", "nanx", "in", "0xg", "0x1g", "9e9999", "0x1.8"}
for i, s in ipairs(cases) do print(i, tonumber(s)) end
print(tonumber("ff", 16), tonumber("0xff", 16), tonumber(" 0x", 16), tonumber("-1", 10), tonumber("-ff", 16), tonumber("z", 36))
print(tonumber(("1"):rep(100), 2), tonumber(("1"):rep(100), 10), tonumber("  7  ", 8), tonumber("8", 8), tonumber("", 10), tonumber(" ", 10))
print(tonumber("1e1", 10), tonumber("1.5", 10), tonumber("0x10", 10), tonumber("10", 2), tonumber("5\0", 10))
-- arithmetic coerces strings the same way
print(pcall(function() return "0x1p1024" + 0, " 0x10 " * 2, "5\0" + 1 end))
-- huge strings: the value saturates (strtoul) or overflows (strtod)
local big = ("1"):rep(30000)
print(tonumber(big), tonumber(big .. "x"), tonumber(big, 7), tonumber(big .. "!", 36))
print(tonumber("0x" .. ("f"):rep(300)), tonumber("0x" .. ("0"):rep(300) .. "1p-4"))
print(tonumber("." .. big .. "e-30000"), tonumber(big .. "e-30000"))
