-- Facts where moonpatch follows LuaJIT 2.1 rather than Lua 5.1 (its dialect).
-- The comment on each line says what lua5.1 prints instead.
print(1, loadstring("return '\\q'"))        -- 5.1: accepted, the string is "q"
print(2, loadstring("return [[ a [[ b ]] ]]"))  -- 5.1: nesting of [[...]] is deprecated near '['
print(3, type(loadstring("--[[ a [[ b ]]\nreturn 1")))  -- 5.1: nesting of [[...]] is deprecated
