-- The # operator on strings.
print(1, #"", #"a", #"abc", #"hello world")
print(2, #"\0", #"a\0b", #"\0\0\0")
local s = "x"
for i = 1, 10 do s = s .. s end
print(3, #s)
print(4, #[[
two
lines]])
print(5, #("ab" .. "cd"), #(1 .. 23))
print(6, #"\n\t\\", #"\255\254")
local t = {"a", "bb", "ccc"}
local total = 0
for _, v in ipairs(t) do total = total + #v end
print(7, total)
print(8, -#"abc", #"abc" * 2, #"ab" == 2)
print(9, #string.rep("ab", 1000))
