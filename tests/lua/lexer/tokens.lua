-- Multi-character operator tokens and their neighbours.
print(1, 1 == 1, 1 ~= 2, 1 <= 2, 2 >= 1, 1 < 2, 2 > 1)
print(2, "a" .. "b", "a".."b", 1 .. 2)
local t = {1, 2, 3}
print(3, #t, # t, #"abc")
print(4, 10 - -1, 10- -1, 10 - - -1)
print(5, 2^-2, 2 ^ - 2)
local s = "x"
print(6, s..s..s)
print(7, loadstring("return 1 = = 2"))
print(8, loadstring("return 1 ! = 2"))
print(9, loadstring("return 1 != 2"))
print(10, loadstring("return 1 .. . 2"))
local r = {...}
print(11, #r, select('#', ...))
print(12, 3--[[comment]]-1)
print(13, 3 - -1)
print(14, "a"--[[c]]..--[[c]]"b")
