-- Bytes 128-255 are identifier characters in LuaJIT (lj_char.h), as letters;
-- lua5.1 (C locale) rejects them: "unexpected symbol". moonpatch follows LuaJIT.
local café = 1
print(1, café)
local �� = 2
print(2, ��)
local t = {café = 3, été = function(self) return self.café end}
print(3, t.café, t:été())
print(4, loadstring("x\128 = 1") ~= nil, loadstring("\200abc = 5; return \200abc")())
print(5, loadstring("return 1\200"))
print(6, loadstring("\200"))
print(7, loadstring("return 0x1\200"))
print(8, pcall(loadstring("na\239ve()")))
print(9, pcall(loadstring("local v\233 = nil; return v\233.x")))
do goto lé end ::lé::
print(10, select(2, loadstring("goto l\195\169")))
