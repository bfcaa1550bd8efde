-- Lua 5.1 rejects [[ nested inside a level-0 long string or comment.
print(loadstring("return [[ a [[ b ]] ]]"))
print(loadstring("--[[ a [[ b ]]\nreturn 1"))
-- a higher level long string may contain [[ freely
print(loadstring("return [=[ a [[ b ]] ]=]")())
-- a single '[' is fine
print(loadstring("return [[ a [ b ]]")())
