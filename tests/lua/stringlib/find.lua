-- string.find: init positions, plain searches, special-character detection, results.
local function r(...)
  local out = ""
  for i = 1, select("#", ...) do out = out .. (i > 1 and " " or "") .. tostring((select(i, ...))) end
  return "{" .. out .. "}"
end
local s = "hello world"
for init = -13, 13, 2 do
  print("init", init, r(s:find("o", init)), r(s:find("", init)), r(s:find("l+", init)), r(s:find("^h", init)))
end
print(1, r(s:find("o", 1.9)), r(s:find("o", "6")), r(s:find("o", nil)), r(s:find("o", 0/0)))
print(2, r(s:find("")), r(s:find("", 12)), r(s:find("", 13)), r(("")):find(""), r((""):find("", 2)))
print(3, r(s:find("lo w")), r(s:find("xyz")), r(s:find("hello world!")), r(s:find(s)))
-- plain: true, or no special character in the pattern
print(4, r(("a+b"):find("+", 1, true)), r(("a+b"):find("a+b", 1, true)), r(("a+b"):find("a+b")))
print(5, r(("a.b"):find(".", 1, true)), r(("a.b"):find(".", 2)), r(("a.b"):find("%.")))
print(6, r(("x[y"):find("[", 1, true)), r(pcall(string.find, "x[y", "[")), r(("a)b"):find(")")))
print(7, r(("a]b"):find("]")), r(("a}b{"):find("}b{")), r(("50%"):find("%", 1, true)))
print(8, r(("a^b"):find("^b", 1, true)), r(("a$b"):find("$b", 1, true)), r(("ab"):find("b", 1, 1)))
print(9, r(("ab"):find("b", 1, false)), r(("ab"):find("b", 1, nil)), r(("a.b"):find(".", 1, 0)))
print(10, r(("a\0b"):find("\0", 1, true)), r(("a\0b"):find("b\0")), r(("a\0b\0c"):find("\0c")))
-- numbers are strings here
print(11, r(string.find(12345, 34)), r(string.find(1.5, ".", 1, true)), r(string.find(100, "0+")))
print(12, r(pcall(string.find)), r(pcall(string.find, "x")), r(pcall(string.find, "x", {})))
print(13, r(pcall(function() return string.find() end)), r(pcall(function() return ("x"):find() end)))
print(14, r(pcall(function() return ("x"):find("x", "a") end)), r(pcall(function() return string.find(nil, "x") end)))
-- long subjects
local long = string.rep("ab", 1000) .. "c"
print(15, r(long:find("c")), r(long:find("bc")), r(long:find("b*c")), r(long:find("(ab)+c")))
print(16, r(long:find("abc", 1, true)), r(long:find("ab", -3, true)), r(long:find("ab", 2000)))
