-- Long brackets of several levels, first-newline skipping, embedded brackets.
local s1 = [[abc]]
print(1, s1, #s1)
local s2 = [[
first newline is skipped]]
print(2, s2, #s2)
local s3 = [[

only one newline is skipped]]
print(3, #s3, string.byte(s3, 1))
local s4 = [=[contains ]] and [[ inside]=]
print(4, s4)
local s5 = [==[level two ]=] ]] still going]==]
print(5, s5)
local s6 = [====[
]===]]====]
print(6, s6, #s6)
local s7 = [[no \n escapes \t here]]
print(7, s7, #s7)
local s8 = [[line1
line2
line3]]
print(8, #s8, s8)
local s9 = [[]]
print(9, #s9, s9 == "")
local s10 = [==[]==]
print(10, #s10)
-- CR LF inside a long string becomes a single newline
local f = loadstring("return [[a\r\nb\n\rc\rd]]")
local s11 = f()
print(11, #s11, string.byte(s11, 1, -1))
-- first newline given as CR LF is skipped as one unit
local s12 = loadstring("return [[\r\nx]]")()
print(12, #s12, s12)
-- long strings used as call arguments
print(13, #[[
]])
local function id(x) return x end
print(14, id[[call sugar]], id[==[level]==])
-- a long string can span the place where a comment would start
local s15 = [[-- not a comment]]
print(15, s15)
-- quotes inside long strings are plain characters
print(16, [["quoted" 'single']])
-- level mismatch does not close
print(17, [=[ ]] ]==] ]=])
