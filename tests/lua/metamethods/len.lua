-- __len: Lua 5.1 uses it only for userdata, never for tables or strings.
local t = setmetatable({1, 2, 3}, {__len = function() return 99 end})
print(1, #t)
local e = setmetatable({}, {__len = function() return 5 end})
print(2, #e)
-- userdata created with newproxy honours __len
local u = newproxy(true)
getmetatable(u).__len = function(x) return 42 end
print(3, #u)
local called_with
getmetatable(u).__len = function(...) called_with = select('#', ...); return "not a number" end
print(4, #u, called_with)
-- userdata without __len
local plain = newproxy(true)
print(5, pcall(function() return #plain end))
-- # on other types
print(6, pcall(function() return #5 end))
print(7, pcall(function() local n = nil; return #n end))
print(8, #"string", #"")
