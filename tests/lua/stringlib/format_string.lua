-- string.format %s %q %c %%: lengths, zeros, precision, escapes, coercion.
local function bytes(s)
  local out = ""
  for i = 1, #s do out = out .. s:byte(i) .. "," end
  return out
end
print(1, string.format("[%s] [%10s] [%-10s] [%.2s] [%5.1s] [%-5.3s] [%.0s]", "hello", "hi", "hi", "hello", "abc", "abcdef", "x"))
print(2, string.format("[%s] [%s] [%s] [%s]", 12, 1.5, -tonumber("0"), 1e100))
print(3, string.format("[%05s] [%+s] [% s] [%#s]", "ab", "ab", "ab", "ab"))
-- embedded zeros: cut short unless the string is kept whole (100 bytes or more, no precision)
print(4, bytes(string.format("%s", "a\0b")), bytes(string.format("%.5s", "a\0b")), bytes(string.format("%5s", "a\0b")))
local long = string.rep("a\0", 50)
print(5, #string.format("%s", long), #string.format("%.99s", long), #string.format("%99s", long))
print(6, #string.format("%s", string.rep("x", 99) .. "\0"), #string.format("%s", string.rep("x", 98) .. "\0"))
print(7, #string.format("%s|%s", string.rep("y", 1000), "z"), string.format("%.3s", string.rep("y", 1000)))
print(8, string.format("%q", 'he said "hi"\\ \n\r\tok'))
print(9, bytes(string.format("%q", "\0\1\127\128\255")), string.format("%q", ""), string.format("%q", 1/3))
print(10, string.format("%q", "\0" .. "1"):byte(1, -1))
print(11, string.format("%-10q|%10q|%.1q", "a", "b", "cde"))
print(12, loadstring("return " .. string.format("%q", "round\0trip\r\n\"\\"))() == "round\0trip\r\n\"\\")
print(13, string.format("%c%c%c", 72, 105, 33), string.format("[%5c] [%-5c] [%05c]", 65, 66, 67))
print(14, bytes(string.format("%c", 0)), bytes(string.format("%5c", 0)), bytes(string.format("%-5c", 0)))
print(15, bytes(string.format("%c|%c|%c|%c", 256 + 65, -191, 65.9, "66")), bytes(string.format("a%cb", 0)))
print(16, bytes(string.format("%c", 2^31)), bytes(string.format("%c", 1/0)), bytes(string.format("%c", 0/0)))
print(17, string.format("%%"), string.format("%%d"), string.format("100%% %s", "sure"), pcall(string.format, "%5%"), pcall(string.format, "%5%", 1))
print(18, string.format("no args"), string.format(""), string.format("%s %s", 1, 2, 3))
print(19, string.format(12), string.format(1.5), string.format("%s", "%d"))
