-- __tostring used by tostring and print.
local t = setmetatable({}, {__tostring = function(self) return "custom!" end})
print(1, tostring(t))
print(2, t)
print(t, t)
-- returning a number: tostring returns it as is, print prints it
local n = setmetatable({}, {__tostring = function() return 42 end})
print(3, tostring(n), type(tostring(n)))
print(4, n)
-- returning a non-string, non-number: print fails
local bad = setmetatable({}, {__tostring = function() return {} end})
print(5, type(tostring(bad)))
print(6, pcall(print, bad))
-- __tostring receives the object
local obj = setmetatable({name = "Bob"}, {__tostring = function(self) return "Person(" .. self.name .. ")" end})
print(7, tostring(obj))
-- errors inside __tostring
local err = setmetatable({}, {__tostring = function() error("tostring failed") end})
print(8, pcall(tostring, err))
-- concatenation does not use __tostring
print(9, pcall(function() return "x" .. obj end))
-- userdata
local u = newproxy(true)
getmetatable(u).__tostring = function() return "proxy!" end
print(10, tostring(u))
print(u)
