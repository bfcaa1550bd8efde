-- read("*n") scans like C's fscanf("%lf"): what it accepts, and what it
-- leaves in the file when it fails
local name = "tmp_read_number.txt"
local cases = {
  "12", "  12abc", "-x", "+", "-", "1e", "1e+", "1ex", "nax5", "nan5",
  "-nan", "inf", "infx", "infinity!", "infinit", "infinitx", "0x", "0xg",
  "0x1p", "0x1p4z", "0x.p", "0x.8", ".", ".5", "1.2.3", "1e5.3", "  ", "",
  "\n\n 7", "0x1P-2", "1E2", "in", "n", "i", "0", "00x5", "0X1F", "--5",
  "+-5", "5-", "0xep1", "1,5", "1e-", "1e-2x", "0x1.8p1",
  "123456789012345678901234567890", "1e400", "-1e400", "4e-400", "0x1e2",
  "1.5e+", "nAn", "INFINITY", "inFin", "-0", "+.5e1", "-.e1", "0x-1",
  "0xABCDEFp-4", "1e+5x", "\t\v\f\r 42", "3.", "3..", ".e", "0e", "0xp1",
  "-0x", "+inf", "-infinity", "nan(1)", "1e1e1", "9007199254740993",
  "0.1", "1e-320", "0x1p-1074", "0x1.fffffffffffffp1023", "0x1p1024",
}
for i, s in ipairs(cases) do
  local f = io.tmpfile()
  f:write(s)
  f:seek("set")
  local n = f:read("*n")
  local rest = f:read("*a")
  print(i, "[" .. s .. "]", n, "[" .. rest .. "]")
  f:close()
end

-- numbers separated by anything the scan stops at
local f = io.open(name, "wb")
f:write("1 2\n3\t4,5;6 x 7")
f:close()
f = io.open(name, "rb")
print("a", f:read("*n", "*n", "*n", "*n"))
print("b", f:read("*n"))
print("c", f:read(1), f:read("*n"))
print("d", f:read(1), f:read("*n"))
print("e", f:read("*n"))
print("f", f:read("*a"))
f:close()
os.remove(name)
