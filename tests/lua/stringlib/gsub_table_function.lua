-- string.gsub with table and function replacements.
local function r(...)
  local out = ""
  for i = 1, select("#", ...) do out = out .. (i > 1 and " " or "") .. tostring((select(i, ...))) end
  return "{" .. out .. "}"
end
local t = {hello = "HI", world = 42, yes = true, no = false, [1] = "one", [3] = "three"}
print(1, r(string.gsub("hello world", "%w+", t)), r(string.gsub("hello moon", "%w+", t)))
print(2, r(string.gsub("say no", "%w+", t)), r(pcall(string.gsub, "say yes", "%w+", t)))
print(3, r(string.gsub("hello world", "(%w)(%w*)", t)), r(string.gsub("a1b3", "()%d", t)))
print(4, r(string.gsub("$name is $age", "%$(%w+)", {name = "Bob", age = 30})))
local mt = setmetatable({}, {__index = function(_, k) return "<" .. k .. ">" end})
print(5, r(string.gsub("a b c", "%a", mt)), r(string.gsub("abc", "()", mt)))
print(6, r(pcall(string.gsub, "a", "a", {a = {}})), r(pcall(string.gsub, "a", "a", {a = print}) ~= nil))
local calls = ""
local function f(...)
  calls = calls .. "(" .. select("#", ...)
  for i = 1, select("#", ...) do calls = calls .. " " .. tostring((select(i, ...))) end
  calls = calls .. ")"
  return (...)
end
print(7, r(string.gsub("hello world", "%w+", f)), calls)
calls = ""
print(8, r(string.gsub("k1=v1, k2=v2", "(%w+)=(%w+)", f)), calls)
calls = ""
print(9, r(string.gsub("abc", "()b()", f)), calls)
calls = ""
print(10, r(string.gsub("abc", "", f)), calls)
print(11, r(string.gsub("abc", "%w", function(c) return c:upper() .. "." end)))
print(12, r(string.gsub("abc", "%w", function(c) if c == "b" then return nil end return 1 end)))
print(13, r(string.gsub("abc", "%w", function() return false end)), r(pcall(string.gsub, "abc", "%w", function() return true end)))
print(14, r(pcall(string.gsub, "abc", "%w", function() return {} end)), r(string.gsub("abc", "%w", function() return 2.5 end)))
print(15, r(pcall(string.gsub, "abc", "%w", function(c) error("stop at " .. c) end)))
print(16, r(pcall(string.gsub, "abc", "%w", function(c) error({c}) end)) ~= nil)
-- only the first result of the function counts; the count of substitutions includes the kept ones
print(17, r(string.gsub("abc", "%w", function(c) return c, "extra" end)), r(string.gsub("ab", ".", function() end)))
-- max count with functions: later matches are not visited
calls = ""
print(18, r(string.gsub("aaaa", "a", f, 2)), calls)
-- a function replacement can itself use string functions (re-entrancy)
print(19, r(string.gsub("a-b-c", "%a", function(c) return (string.gsub(c, "%a", "%0%0")) end)))
local n = 0
print(20, r(string.gsub(string.rep("x", 100), "x", function() n = n + 1 return n % 10 end)), n)
