-- 5.1 gives a method call the line where `:name` is read; moonpatch gives
-- the line where the object expression started
local t = {}
print(pcall(function() return ({[[a
b]]}):m() end))
print(pcall(function() return ({tag = "x"
}):m() end))
print(pcall(function() return t
  :m() end))
print(pcall(function() return t.f(1,
  2) end))
