-- Identifiers, case sensitivity, keywords as keys.
local _ = 1
local _x, x_, x1, X = 2, 3, 4, 5
local And, AND, nIL = "And", "AND", "nIL"
print(1, _, _x, x_, x1, X)
print(2, And, AND, nIL)
local t = {}
t["end"] = "end key"
t["and"] = 1
t["nil"] = 2
print(3, t["end"], t["and"], t["nil"])
t.x = 10
print(4, t.x, t["x"])
local a_very_long_identifier_name_with_many_parts_1234567890 = "long"
print(5, a_very_long_identifier_name_with_many_parts_1234567890)
-- keywords cannot be names
print(loadstring("local end = 1"))
print(loadstring("t.end = 1"))
print(loadstring("local function nil() end"))
print(type(loadstring("goto = 1")))
-- 'goto' is an ordinary name in Lua 5.1
local ok = loadstring("local goto = 7 return goto")
print(6, ok and ok())
-- names cannot start with digits
print(loadstring("local 1a = 1"))
-- invalid characters
print(loadstring("x = @"))
print(loadstring("x = $"))
print(loadstring("x = 1 ~ 2"))
print(loadstring("x = `"))
