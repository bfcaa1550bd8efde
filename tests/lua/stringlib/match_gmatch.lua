-- string.match and string.gmatch: results, init, iteration, empty matches.
local function r(...)
  local out = ""
  for i = 1, select("#", ...) do out = out .. (i > 1 and " " or "") .. tostring((select(i, ...))) end
  return "{" .. out .. "}"
end
print(1, r(string.match("hello 123 world", "%d+")), r(string.match("hello", "x")), r(string.match("hello", "")))
print(2, r(string.match("hello", "l+", 4)), r(string.match("hello", "l+", -2)), r(string.match("hello", ".", 10)))
print(3, r(string.match("hello", "", 10)), r(string.match("hello", "()", 10)), r(string.match("hello", "()", -10)))
print(4, r(string.match("2024-01-15", "(%d+)-(%d+)-(%d+)")), r(string.match("x = 10", "(%w+) = (%w+)")))
print(5, r(string.match("abc", "a")), r(string.match("abc", "^b")), r(string.match("abc", "^b", 2)))
print(6, r(string.match(123456, "(%d%d)(%d)")), r(string.match("a.b", ".", 2)), r(string.match("ab", "b", 1.5)))
print(7, r(pcall(string.match)), r(pcall(string.match, "x")), r(pcall(string.match, "x", "x", "y")))
local function all(s, p)
  local out = ""
  for a, b, c in string.gmatch(s, p) do
    out = out .. "[" .. tostring(a) .. (b and ("," .. tostring(b)) or "") .. (c and ("," .. tostring(c)) or "") .. "]"
  end
  return out
end
print(8, all("one two three", "%a+"), all("one two three", "(%a)(%a+)"))
print(9, all("a1b2c3", "%a%d"), all("a1b2c3", "(%a)()(%d)"), all("abc", "()"))
print(10, all("abc", ""), all("abc", ".-"), all("abc", "%a*"), all("", "x*"))
print(11, all("aaa", "a-"), all("aaa", "a?"), all("baaac", "a*"), all("abc", "x"))
print(12, all("k1=v1;k2=v2", "(%w+)=(%w+)"), all("$a$b", "%$(%a)"), all("a^b", "^."))
print(13, all("The quick brown fox", "%f[%a]%a"), all("f(x) g(y(z))", "%a%b()"))
-- the iterator keeps its own position; calling it after the end gives nothing again
local it = string.gmatch("a b", "%a")
print(14, r(it()), r(it()), r(it()), r(it()))
local it2 = string.gmatch("xyz", "")
print(15, r(it2()), r(it2()), r(it2()), r(it2()), r(it2()))
-- gmatch ignores extra arguments (5.1 has no init)
print(16, all("abcabc", "b"), select("#", string.gmatch("x", "x")), type(string.gmatch("x", "x")))
print(17, r(pcall(string.gmatch)), r(pcall(string.gmatch, "x")), r(pcall(string.gmatch, "x", {})))
print(18, r(pcall(function() return string.gmatch() end)), r(pcall(function() return ("x"):gmatch() end)))
-- the subject and pattern are fixed when gmatch is called
local s, p = "a1 b2", "%a%d"
local it3 = string.gmatch(s, p)
s, p = "zzz", "z"
print(19, r(it3()), r(it3()), r(it3()))
-- numbers are coerced
print(20, all(3.25, "%d"), all(12, 2), all("1e2", 1e2))
