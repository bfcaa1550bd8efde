-- Captures: nesting, position captures, back-references, results of find/match/gmatch.
local function r(...)  -- all results on one line
  local out = ""
  for i = 1, select("#", ...) do out = out .. (i > 1 and " " or "") .. tostring((select(i, ...))) end
  return "{" .. out .. "}"
end
print(1, string.match("hello world", "(h)(e)(l)(l)(o)"))
print(2, string.match("hello world", "((h)(e))((l)(l)o)"))
print(3, string.find("hello world", "(o)(.-)(o)"))
print(4, r(string.match("hello", "()ll()")), r(string.match("hello", "()")), r(string.match("", "()")))
print(5, string.find("hello", "()(l+)()"))
print(6, string.match("key = val", "(%w+)%s*()=()%s*(%w+)"))
print(7, r(string.match("abcabc", "(abc)%1")), r(string.match("abcabd", "(abc)%1")))
print(8, r(string.match("xyyx", "(x)(y)%2%1")), r(string.match("aa bb cc", "(%a)%1 (%a)%2")))
print(9, string.match("say \"hi\" or 'bye'", "([\"'])(.-)%1"))
print(10, r(string.find("aaa", "()%1")), r(string.match("a-b", "(a)%-(b)")))
print(11, string.match("((a))", "%((%((.)%))%)"))
print(12, r(string.find("abc", "(b)()")), r(string.find("abc", "()b")))
print(13, select("#", string.match("abc", "(a)(b)(c)")), select("#", string.find("abc", "b")))
print(14, select("#", string.match("abc", "x")), string.match("abc", "x"))
-- 32 captures is the limit
local p32 = string.rep("(.)", 32)
local s = string.rep("x", 40)
print(15, select("#", string.match(s, p32)), r(pcall(string.match, s, p32 .. "(.)")))
print(16, r(pcall(string.match, "", p32 .. "(.)")), r(pcall(string.match, "x", "(" .. p32 .. ")")))
-- a capture left open is an error when its value is needed
print(17, r(pcall(string.find, "abc", "(b")), r(pcall(string.match, "abc", "a(b")))
print(18, r(pcall(string.gsub, "abc", "(b", "x")), r(pcall(string.gsub, "abc", "(b", "%1")))
print(19, r(pcall(string.gsub, "abc", "(b", "%0")), r(pcall(string.gsub, "abc", "(a)(b", "%1")))
print(20, r(pcall(string.find, "abc", "x(b")), r(pcall(string.find, "abc", "()(b")))
print(21, r(pcall(string.gsub, "abc", "(a)(b", "%2")), r(pcall(string.gmatch("abc", "(b"))))
print(22, r(pcall(string.gsub, "abc", "(b", {})), r(pcall(string.gsub, "abc", "(b", print)))
-- back-references that are not (yet) valid
print(23, r(pcall(string.find, "aa", "%1")), r(pcall(string.find, "aa", "(a%1)")))
print(24, r(pcall(string.find, "aa", "(a)%2")), r(pcall(string.find, "aa", "(a)%0")))
print(25, r(pcall(string.find, "bb", "a%1")), r(pcall(string.find, "aa", "(a)%9")))
-- ')' without a capture
print(26, r(pcall(string.find, "a)", "a)")), r(pcall(string.find, "b", "a)")), r(pcall(string.find, "a", ")")))
local out = ""
for k, v in string.gmatch("a=1, b=2, c=3", "(%w+)=(%w+)") do out = out .. k .. ":" .. v .. ";" end
print(27, out)
out = ""
for p, w in string.gmatch("one two  three", "()(%a+)") do out = out .. p .. w .. " " end
print(28, out)
