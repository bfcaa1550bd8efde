-- print: tab-separated arguments converted with tostring.
print()
print(nil)
print(nil, nil)
print(1, "two", 3.5, true, false, nil)
print("a", "", "b")
print(1e100, -0.5, 2^63)
local t = setmetatable({}, {__tostring = function() return "T!" end})
print(t, "and", t)
print("embedded\ttab", "new\nline")
print(("x"):rep(3), #"abc")
-- print calls the global tostring in Lua 5.1
local saved = tostring
tostring = function(v) return "<" .. saved(v) .. ">" end
print(1, "s", nil)
tostring = saved
print("restored", 1)
-- print returns nothing
print(select('#', print()))
