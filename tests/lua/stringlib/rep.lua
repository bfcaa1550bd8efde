-- string.rep: counts are C ints (truncated, wrapped), the subject is any string.
print(1, string.rep("ab", 3), string.rep("x", 1), string.rep("x", 0), string.rep("x", -1))
print(2, string.rep("ab", 2.9), string.rep("ab", -0.5), string.rep("ab", "2"), string.rep(12, 2))
print(3, #string.rep("abc", 1000), #string.rep("", 100000), string.rep("", 1e6) == "")
print(4, string.rep("ab", 2^32 + 2), string.rep("ab", 2^31) == "", string.rep("x", -2^32 + 3))
print(5, string.rep("ab", 0/0) == "", string.rep("ab", 1/0) == "", string.rep("ab", -1/0))
print(6, #string.rep("a\0b", 3), string.rep("a\0b", 3):byte(4, 6))
print(7, pcall(function() return string.rep() end))
print(8, pcall(function() return string.rep("x") end))
print(9, pcall(function() return string.rep("x", "y") end))
print(10, pcall(function() return string.rep(nil, 2) end))
print(11, pcall(function() return ("x"):rep() end))
print(12, pcall(function() return ("x"):rep({}) end))
print(13, string.rep("xy", 3, ", "))   -- 5.1 has no separator argument
