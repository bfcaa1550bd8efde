-- String concatenation.
print(1, "a" .. "b", "" .. "", "a" .. "", "" .. "b")
local s = ""
for i = 1, 10 do s = s .. i end
print(2, s, #s)
local parts = {}
for i = 1, 5 do parts[i] = string.char(96 + i) end
print(3, table.concat(parts), table.concat(parts, "-"))
print(4, "x" .. "y" .. "z" .. 1 .. 2)
local a, b, c = "A", "B", "C"
print(5, a .. b .. c, c .. b .. a)
-- embedded zeros survive concatenation
local z = "a\0" .. "\0b"
print(6, #z, string.byte(z, 1, -1))
-- building a long string
local long = ""
for i = 1, 1000 do long = long .. "." end
print(7, #long)
-- concatenation results are interned values: equal strings compare equal
local p = "ab" .. "cd"
local q = "a" .. "bcd"
print(8, p == q, p == "abcd", rawequal(p, q))
-- numbers in concatenation
print(9, 1 .. "", 1.5 .. "x", "x" .. -2)
-- concat of many operands in one expression
print(10, "1" .. "2" .. "3" .. "4" .. "5" .. "6" .. "7" .. "8" .. "9" .. "10" .. "11" .. "12")
