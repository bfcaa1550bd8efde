-- Infinite recursion is caught as a 'stack overflow' error.
local function rec() return 1 + rec() end
local ok, msg = pcall(rec)
print(1, ok, type(msg))
print(2, string.sub(msg, -14) == "stack overflow")
print(3, msg)
-- the program continues normally after the overflow
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(4, depth(10000))
-- and a second overflow is caught as well
local function rec2(a, b, c) local x = rec2(a, b, c) return x end
ok, msg = pcall(rec2, 1, 2, 3)
print(5, ok, string.sub(msg, -14) == "stack overflow")
-- overflow through mutual recursion
local f, g
function f() return 1 + g() end
function g() return 1 + f() end
ok, msg = pcall(f)
print(6, ok, string.sub(msg, -14) == "stack overflow")
-- overflow inside a metamethod chain
local t = setmetatable({}, {})
getmetatable(t).__index = function(self, k) return self[k .. "x"] end
ok, msg = pcall(function() return t.a end)
print(7, ok, string.find(msg, "stack overflow", 1, true) ~= nil)
