-- tostring of every type.
print(1, tostring(nil), tostring(true), tostring(false))
print(2, tostring(12), tostring(-3.5), tostring("str"))
print(3, string.sub(tostring({}), 1, 7))
print(4, string.sub(tostring(print), 1, 10), string.sub(tostring(function() end), 1, 10))
print(5, string.sub(tostring(coroutine.create(function() end)), 1, 8))
print(6, string.sub(tostring(newproxy()), 1, 10))
print(7, type(tostring({})), #tostring({}) > 7)
local t = {}
print(8, tostring(t) == tostring(t), tostring(t) ~= tostring({}))
print(9, pcall(tostring))
print(10, tostring(nil, "extra"))
print(11, tostring(1e300 * 1e300), tostring(-1e300 * 1e300))
