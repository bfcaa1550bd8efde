-- Facts where LuaJIT 2.1 differs from Lua 5.1.
-- The comment on each line says what lua5.1 prints instead.
print(1, pcall(coroutine.yield))            -- 5.1: attempt to yield across metamethod/C-call boundary
print(2, 0/0, -(0/0))                       -- 5.1: -nan nan
print(3, loadstring("return '\\q'"))        -- 5.1: accepted, the string is "q"
local n = 0
for i = 2, 1, 0 do n = n + 1; if n == 5 then break end end
print(4, n)                                 -- 5.1: 5 (step 0 counts as a descending loop)
print(5, tostring(print):sub(1, 18))        -- 5.1: function: 0x... (an address)
print(6, type(select(2, pcall(assert, false, {}))))  -- 5.1: string (bad argument #2 to 'assert')
print(7, xpcall(function(...) return select('#', ...) end, print, 1, 2))  -- 5.1: true 0
print(8, tonumber("0x10", 16), tonumber("-ff", 16))  -- 5.1: 16 1.844674407371e+19
print(9, string.format("%q", "\0"))         -- 5.1: "\000"
print(10, loadstring("return [[ a [[ b ]] ]]"))  -- 5.1: nesting of [[...]] is deprecated near '['
local ok, e = pcall(function() local u = setmetatable({}, {__index = function(t, k) return t[k .. "x"] end}); return u.a end)
print(11, ok, e)                            -- 5.1: ...: C stack overflow
