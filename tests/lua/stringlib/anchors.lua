-- '^' anchors only at the start of a pattern (and not in gmatch), '$' only at its end.
local function r(...)  -- all results on one line
  local out = ""
  for i = 1, select("#", ...) do out = out .. (i > 1 and " " or "") .. tostring((select(i, ...))) end
  return "{" .. out .. "}"
end
print(1, r(string.find("abc", "^a")), r(string.find("abc", "^b")), r(string.find("abc", "^b", 2)))
print(2, r(string.find("abc", "c$")), r(string.find("abc", "b$")), r(string.find("abc\n", "c$")))
print(3, r(string.find("a^b", "a^b")), r(string.find("a^b", "^a^b")), r(string.find("a$b", "a$b")))
print(4, r(string.find("a$", "a$$")), r(string.find("$$", "$$")), r(string.find("x$", "%$$")))
print(5, r(string.find("", "^$")), r(string.find("x", "^$")), r(string.find("", "^")), r(string.find("", "$")))
print(6, r(string.find("abc", "^", 2)), r(string.find("abc", "$", 2)), r(string.find("abc", "^$", 4)))
print(7, r(string.match("^^x", "^^")), r(string.match("^^x", "^^+")), r(string.match("x^", ".^")))
print(8, r(string.find("aXa", "^a", -1)), r(string.find("aXa", "a$", -1)), r(string.find("aXa", "^X", 2)))
print(9, r(string.gsub("aaa", "^a", "b")), r(string.gsub("aaa", "a$", "b")), r(string.gsub("aaa", "^", ">")))
print(10, r(string.gsub("abc", "$", "<")), r(string.gsub("", "^", "x")), r(string.gsub("", "$", "x")))
print(11, r(string.gsub("hello", "^h?", "J")), r(string.gsub("hello", "^x*", "J")))
local out = ""
for m in string.gmatch("a^b^c", "^%a") do out = out .. "[" .. m .. "]" end
print(12, out)
out = ""
for m in string.gmatch("^a^a", "^a") do out = out .. "[" .. m .. "]" end
print(13, out)
out = ""
for m in string.gmatch("abc", "c$") do out = out .. "[" .. m .. "]" end
for m in string.gmatch("abc", "$") do out = out .. "{" .. m .. "}" end
print(14, out)
print(15, r(string.match("  trim me  ", "^%s*(.-)%s*$")), r(string.match("key=", "^(%w+)=(%w*)$")))
print(16, r(string.find("abc", "b", -1)), r(string.find("abc", "^c", -1)), r(string.match("abc", "^(.)", 2)))
