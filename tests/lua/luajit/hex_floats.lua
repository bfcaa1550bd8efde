-- Hexadecimal floating point literals and conversions.
print(1, 0x1p4, 0x1P-2, 0x.8, 0xA.8p1, 0x1.8p1)
print(2, 0xA.8, 0x.1p4, 0x10p-4)
print(3, tonumber("0x1p4"), tonumber("0x.8"), tonumber("0xA.8p0"), tonumber("0x1p"))
print(4, "0x1p4" + 0, 0x1p-1074, 0x1p1023 * 2)
print(5, 0xffffffffffffffff, 0x7fffffffffffffff)
print(6, loadstring("return 0x1pz"))
print(7, loadstring("return 0x"))
