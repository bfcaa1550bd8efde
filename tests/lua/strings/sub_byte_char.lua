-- string.sub, string.byte, string.char (used throughout the corpus).
local s = "abcdef"
print(1, s:sub(2), s:sub(2, 3), s:sub(-2), s:sub(-3, -2), s:sub(0), s:sub(4, 2))
print(2, s:sub(10), s:sub(-10, 2), s:sub(3, 100), s:sub(1, -1), s:sub(1, 0))
print(3, s:byte(), s:byte(2), s:byte(-1), s:byte(1, 3))
print(4, s:byte(10), select('#', s:byte(10)), select('#', s:byte(3, 2)))
print(5, string.char(72, 105), string.char(), #string.char(0, 0))
print(6, pcall(string.char, 256))
print(7, pcall(string.char, -1))
print(8, string.char(string.byte("xyz", 1, -1)))
print(9, ("\0\1\2"):byte(1, -1))
print(10, string.sub("abc", 2.0, 3), string.sub("abc", "2"))
print(11, string.rep("ab", 3), string.rep("x", 0), string.rep("x", -1), string.rep("", 5))
print(12, string.len("abc"), string.len(""), string.len(123))
