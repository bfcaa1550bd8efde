-- The string metatable: methods through __index, what it contains, errors.
local mt = getmetatable("")
print(1, type(mt), mt.__index == string, getmetatable("abc") == mt, rawequal(getmetatable("x"), mt))
print(2, ("abc"):upper(), ("%d-%s"):format(5, "x"), ("x"):rep(3), ("hello"):sub(2, 3))
local s = "hello world"
print(3, s:len(), #s, s:find("wor"), s:match("(%w+) (%w+)"))
print(4, s:gsub("o", "0"), s:byte(1, 3))
for w in s:gmatch("%a+") do io.write(w, ";") end print()
print(5, type(("abc").len), ("abc").len == string.len, ("abc").nosuch)
print(6, pcall(function() return ("abc"):nosuch() end))
print(7, pcall(function() local n = 5 return n:rep(2) end))
print(8, pcall(function() return ("x"):rep("y") end))
print(9, pcall(function() return ("x").rep() end))
print(10, pcall(function() return s.sub() end))
-- a function added to the string table is a method at once
function string.twice(x) return x .. x end
print(11, ("ab"):twice(), s:twice():len())
string.twice = nil
print(12, pcall(function() return ("ab"):twice() end))
-- __index can be replaced
local old = mt.__index
mt.__index = function(str, k) return function(self) return k .. ":" .. self end end
print(13, ("abc"):anything())
mt.__index = old
print(14, ("abc"):upper())
print(15, #string, type(string.gfind), string.gfind == string.gmatch)
local names = {}
for k in pairs(string) do names[#names + 1] = k end
table.sort(names)
print(16, table.concat(names, " "))
