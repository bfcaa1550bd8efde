-- string.sub with every combination of small, negative, zero and out-of-range indices.
local s = "hello"
for i = -7, 7 do
  local line = ""
  for j = -7, 7 do line = line .. "[" .. s:sub(i, j) .. "]" end
  print(i, line)
end
print("default j", s:sub(2), s:sub(-2), s:sub(0), s:sub(10), s:sub(-100))
print("floats", s:sub(2.9, 4.1), s:sub(-2.5), s:sub(1.999), s:sub(0.5, 1.5))
print("strings", s:sub("2", "3"), s:sub(" 2 ", "0x3"))
print("huge", s:sub(2^31, 2^31), s:sub(-2^31, 2^31), s:sub(2^53, -2^53), s:sub(-2^63, 2^63))
print("inf", s:sub(-1/0, 1/0), s:sub(1/0), s:sub(0/0, 3))
print("empty", ("").sub("", 1, 1), ("").sub("", 0, -1), ("").sub("", -1))
print("zeros", #("a\0b\0c"):sub(2, 4), ("a\0b\0c"):sub(3, 3))
print("number subject", string.sub(12345, 2, 3), string.sub(1.5, 2), string.sub(-1e100, 1, 3))
print(pcall(function() return string.sub() end))
print(pcall(function() return string.sub("x") end))
print(pcall(function() return string.sub("x", "a") end))
print(pcall(function() return string.sub("x", 1, {}) end))
print(pcall(function() return ("x"):sub() end))
print(pcall(function() return string.sub({}, 1) end))
print(select("#", s:sub(1, 2)), select("#", s:sub(3, 2)))
