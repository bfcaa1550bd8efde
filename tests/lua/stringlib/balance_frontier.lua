-- %bxy balanced runs and %f[set] frontiers.
local function r(...)
  local out = ""
  for i = 1, select("#", ...) do out = out .. (i > 1 and " " or "") .. tostring((select(i, ...))) end
  return "{" .. out .. "}"
end
print(1, r(string.find("f(a(b)c)d", "%b()")), r(string.match("x(a(b)c", "%b()")), r(string.match("((()", "%b()")))
print(2, r(string.gsub("f(a(b)c)d (e) )(", "%b()", "[]")), r(string.match("[[x]]", "%b[]")))
print(3, r(string.match("if a then b end end", "%bie")), r(string.match("'a' 'b'", "%b''")))
print(4, r(string.match("xaxbx", "%bxx")), r(string.match("<<>>", "%b<>+")), r(string.match("()", "%b()*")))
print(5, r(string.find("a(b)c", "(%b())")), r(string.match("f(1)(2)", "f(%b())(%b())")))
print(6, r(string.match("((a)", "%b()$")), r(string.find("no parens", "%b()")), r(string.find("", "%b()")))
print(7, r(pcall(string.find, "a", "%b")), r(pcall(string.find, "a", "%b(")), r(pcall(string.find, "", "%b")))
print(8, r(string.match("{a{b}c}", "^%b{}$")), r(string.match("{a{b}c", "^%b{}$")))
local out = ""
for b in string.gmatch("(a)(b(c))(", "%b()") do out = out .. b .. ";" end
print(9, out)
print(10, r(string.find("THE (quick) fox", "%f[%a]%a+")), r(string.find("THE (quick) fox", "%f[%a]%a+", 5)))
print(11, r(string.gsub("hello world from Lua", "%f[%w]%w+", "<%0>")))
print(12, r(string.gsub("hello world", "%f[%W]", "|")), r(string.gsub("hello", "%f[%z]", "$")))
print(13, r(string.find("abc", "%f[%z]")), r(string.find("abc", "%f[%Z]")), r(string.find("", "%f[%z]")))
print(14, r(string.find("abc", "%f[^%z]")), r(string.find("abc", "%f[a]")), r(string.find("bac", "%f[a]")))
print(15, r(string.gsub("THE (quick) BROWN fox", "%f[%a]%u+%f[%A]", "X")))
print(16, r(pcall(string.gsub, "a,b,,c", "%f[^,\0]", "^")), r(string.gsub("a,b,,c", "%f[^,]", "^")), r(string.gsub("aXbXc", "%f[X]", "|")))
print(17, r(pcall(string.find, "a", "%f")), r(pcall(string.find, "a", "%fa")), r(pcall(string.find, "a", "%f[a")))
print(18, r(pcall(string.find, "", "%f")), r(string.find("x", "%f[x]x*%f[^x]")), r(string.match("12ab34", "%f[%d]%d+", 3)))
print(19, r(string.find("a\0b", "%f[%z]")), r(string.find("a\0b", "%f[^%z]", 2)))
