-- Strings share a metatable whose __index is the string table.
local s = "hello"
print(1, s:len(), s:upper(), s:rep(2), s:sub(2, 4), s:byte(1, 2))
print(2, ("x"):rep(3), ("%s=%d"):format("k", 5))
print(3, s.len == string.len, s.nosuch)
print(4, s[1], s["len"] ~= nil)
local mt = getmetatable("")
print(5, type(mt), mt.__index == string, getmetatable("a") == getmetatable("b"))
-- adding to the string table makes a method available on all strings
function string.shout(str) return str:upper() .. "!" end
print(6, ("hi"):shout(), s:shout())
string.shout = nil
print(7, pcall(function() return s:shout() end))
-- numbers are not strings for method calls
print(8, pcall(function() local n = 5; return n:rep(2) end))
