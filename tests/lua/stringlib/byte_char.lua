-- string.byte and string.char: ranges, defaults, limits, errors.
local s = "ABCDE"
for i = -7, 7 do
  local line = ""
  for j = -7, 7 do
    line = line .. select("#", s:byte(i, j)) .. ":" .. (s:byte(i, j) or "-") .. " "
  end
  print(i, line)
end
print("defaults", s:byte(), s:byte(2), s:byte(-1), s:byte(0), s:byte(6), s:byte(-6))
print("all", s:byte(1, -1))
print("floats", s:byte(1.9), s:byte(-1.5), s:byte(2.5, 3.9))
print("strings", s:byte("2"), s:byte("2", "4"))
print("empty", select("#", (""):byte()), select("#", (""):byte(1, -1)))
print("high", ("\0\1\127\128\255"):byte(1, -1))
print("number", string.byte(65), string.byte(1.5, 2))
print(pcall(function() return string.byte() end))
print(pcall(function() return string.byte("x", "y") end))
print(pcall(function() return string.byte("x", 1, {}) end))
local long = string.rep("ab", 5000)
print("7997", select("#", long:byte(1, 7997)))
print(pcall(function() return long:byte(1, 7998) end))
print(pcall(function() return long:byte(1, -1) end))
print(select("#", long:byte(10000)), long:byte(10000), long:byte(9999))

print("char", string.char(), string.char(72, 105), string.char("65", 66.7, "0x43"))
local t = {}
for i = 0, 255 do t[#t + 1] = i end
local all = string.char(unpack(t))
print("all", #all, all:byte(1), all:byte(256), all:byte(129))
local ok = true
for i = 0, 255 do if all:byte(i + 1) ~= i then ok = false end end
print("roundtrip", ok)
print(pcall(function() return string.char(256) end))
print(pcall(function() return string.char(65, -1) end))
print(pcall(function() return string.char(65, 66, 1e10) end))
print(pcall(function() return string.char(2^32 + 65) end))
print(pcall(function() return string.char(-2^32 + 66) end))
print(pcall(function() return string.char(255.9, 0.5) == "\255\0" end))
print(pcall(function() return string.char("x") end))
print(pcall(function() return string.char(65, nil) end))
print(pcall(function() return string.char({}) end))
print(pcall(function() return string.char(0/0):byte() end))
print(pcall(function() return string.char(1/0):byte() end))
