-- Big chunks, in the spirit of the 5.1 suite's verybig.lua: large
-- constructors, long strings, many constants, many statements.
local parts = {"return {"}
for i = 1, 3000 do parts[#parts + 1] = i .. "," end
parts[#parts + 1] = "}"
local t = assert(loadstring(table.concat(parts)))()
local s = 0
for i = 1, #t do s = s + t[i] end
print(1, #t, s)
-- a constructor mixing array and hash items, with more than 255 of each
parts = {"return {"}
for i = 1, 600 do parts[#parts + 1] = ("k%d = %d, %d,"):format(i, i, -i) end
parts[#parts + 1] = "}"
t = assert(loadstring(table.concat(parts)))()
print(2, #t, t.k1, t.k600, t[600], t[1])
-- more than 65536 constants in one function would need many KNUM/KSTR
parts = {"local t = {}"}
for i = 1, 2000 do parts[#parts + 1] = ("t[%d] = 'str%d' .. %d.5"):format(i, i, i) end
parts[#parts + 1] = "return t"
t = assert(loadstring(table.concat(parts, "\n")))()
print(3, #t, t[1], t[2000])
-- a long string literal and a long comment
local long = string.rep("x", 100000)
local f = assert(loadstring("--[==[ " .. long .. " ]==]\nreturn [[" .. long .. "]]"))
print(4, #f())
-- many locals in sequence in nested blocks (each block reuses registers)
parts = {}
for i = 1, 150 do parts[#parts + 1] = ("do local a%d = %d; s = (s or 0) + a%d end"):format(i, i, i) end
parts[#parts + 1] = "return s"
print(5, assert(loadstring(table.concat(parts, "\n")))())
-- a deep expression: 100 nested parentheses and a long chain of operators
local e = string.rep("(", 100) .. "1" .. string.rep(")", 100) .. string.rep(" + 1", 2000)
print(6, assert(loadstring("return " .. e))())
-- a long concatenation chain
parts = {}
for i = 1, 180 do parts[#parts + 1] = "'" .. i % 10 .. "'" end
print(7, #assert(loadstring("return " .. table.concat(parts, " .. ")))())
-- string.dump of a big function round-trips
local big = assert(loadstring(table.concat({"local x = 0"} ,"\n") .. "\n" .. string.rep("x = x + 1\n", 3000) .. "return x"))
print(8, big(), loadstring(string.dump(big))())
