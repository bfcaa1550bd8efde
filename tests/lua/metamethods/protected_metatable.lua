-- __metatable protects a metatable.
local t = setmetatable({}, {__metatable = "locked"})
print(1, getmetatable(t))
print(2, pcall(setmetatable, t, {}))
print(3, pcall(setmetatable, t, nil))
local t2 = setmetatable({}, {__metatable = false})
print(4, getmetatable(t2))
print(5, pcall(setmetatable, t2, {}))
-- a table value for __metatable
local fake = {}
local t3 = setmetatable({}, {__metatable = fake})
print(6, getmetatable(t3) == fake)
-- the string metatable
print(7, type(getmetatable("")), getmetatable("abc").__index == string)
-- setmetatable returns its first argument
local t4 = {}
print(8, setmetatable(t4, {}) == t4)
-- removing a metatable
setmetatable(t4, nil)
print(9, getmetatable(t4))
-- bad arguments
print(10, pcall(setmetatable, {}, 1))
print(11, pcall(setmetatable, 1, {}))
print(12, pcall(setmetatable, {}))
print(13, getmetatable(1), getmetatable(nil), getmetatable(print))
print(14, pcall(getmetatable))
