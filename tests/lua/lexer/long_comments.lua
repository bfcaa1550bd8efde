-- Long comments of several levels; code around them.
local x = 1 --[[ a long comment on one line ]] + 1
print(1, x)
--[[
print("this is commented out")
]]
print(2, "after level-0 long comment")
--[==[
print("commented")
]] still inside
]=] still inside
]==]
print(3, "after level-2 long comment")
--[ this is a line comment, not a long one
print(4, "after pseudo-long comment")
---[[ a line comment; the next line is live code
print(5, "live")
--]]
--[[]] print(6, "code after an empty long comment on the same line")
local y = --[=[ inline ]=] 40 + --[[ another ]] 2
print(7, y)
--[=[ comment containing ]] and [[ and --]] ]=] print(8, "after tricky comment")
local t = { --[[ in a table ]] 1, 2 --[[ before brace ]] }
print(9, #t)
-- a comment whose text has a long bracket but not at its start: [[ no effect
print(10, "still running")
--
print(11, "empty comment line above")
--[==
print(12, "malformed opening makes a line comment")
