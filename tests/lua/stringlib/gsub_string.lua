-- string.gsub with a string (or number) replacement: %0-%9, %%, other escapes, counts.
local function r(...)
  local out = ""
  for i = 1, select("#", ...) do out = out .. (i > 1 and " " or "") .. tostring((select(i, ...))) end
  return "{" .. out .. "}"
end
print(1, r(string.gsub("hello world", "o", "0")), r(string.gsub("hello world", "l+", "L")))
print(2, r(string.gsub("hello world", "(%w+)", "<%1>")), r(string.gsub("hello world", "%w+", "<%0>")))
print(3, r(string.gsub("hello world", "(%w+) (%w+)", "%2 %1")), r(string.gsub("abc", "%w", "%0%0")))
print(4, r(string.gsub("abc", "%w", "%1")), r(pcall(string.gsub, "abc", "%w", "%2")))
print(5, r(string.gsub("abc", "(%w)", "%%1=%1")), r(string.gsub("abc", "b", "%%")), r(string.gsub("abc", "b", "%x%-%.")))
print(6, r(string.gsub("abc", "b", "[%]")), r(string.gsub("abc", "b", "50%"):byte(1, -1)), r(string.gsub("abc", "b", "%"):byte(1, -1)))
print(7, r(string.gsub("abc", "()b()", "%1-%2")), r(string.gsub("abc", "()", "%1")), r(string.gsub("abc", "()", "%0")))
print(8, r(string.gsub("abc", "b", 5)), r(string.gsub("abc", "b", 1.5)), r(string.gsub("abc", "b", 1e100)))
print(9, r(string.gsub("abc", "b", "\\1")), r(string.gsub("a.b", "%.", "%%.")), r(string.gsub("abc", "", "-")))
for _, n in ipairs{-1, 0, 0.9, 1, 1.9, 2, 3, 100} do
  print("max", n, r(string.gsub("a a a", "a", "b", n)), r(string.gsub("abc", "", "-", n)))
end
print(10, r(string.gsub("a a a", "a", "b", "2")), r(pcall(string.gsub, "a a a", "a", "b", "x")))
print(11, r(string.gsub("", "", "x")), r(string.gsub("", "x", "y")), r(string.gsub("", ".", "y")))
print(12, r(string.gsub("abc", ".", "")), r(string.gsub("a\0b", "%z", "0")), r(string.gsub("abc", "b", "\0") == "a\0c"))
print(13, r(string.gsub(12345, 3, 0)), r(string.gsub("x", "x", 0/0)), r(string.gsub("x", "x", -tonumber("0"))))
print(14, r(pcall(string.gsub)), r(pcall(string.gsub, "x")), r(pcall(string.gsub, "x", "x")))
print(15, r(pcall(string.gsub, "x", "x", true)), r(pcall(string.gsub, "x", "x", nil)), r(pcall(string.gsub, "x", {}, "y")))
print(16, r(pcall(string.gsub, "x", "x", true, "a")), r(pcall(function() return ("x"):gsub("x") end)))
print(17, r(pcall(function() return string.gsub("x", "x") end)), r(pcall(function() return string.gsub() end)))
-- longer texts
local text = string.rep("The quick brown fox jumps over the lazy dog. ", 20)
local t1, n1 = text:gsub("%w+", "<%0>")
local t2, n2 = text:gsub("(%w)(%w*)", "%2%1ay")
local t3, n3 = text:gsub("%s+", " ")
print(18, #t1, n1, #t2, n2, #t3, n3, t2:sub(1, 40))
print(19, r(text:gsub("o", "0", 5):sub(1, 60)), r(("x"):rep(10):gsub("x", "yy")))
print(20, r(string.gsub("hello", "l", "%0%0%0")), r(string.gsub("hello", ".", "%0 ")))
