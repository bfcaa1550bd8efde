-- 5.1 gives an arithmetic or index instruction the line where its second
-- operand ends (the instruction is emitted after reading it); moonpatch uses
-- an earlier line when that operand spans lines
local t = nil
local d = nil
print(pcall(function() return t + (d or
  1) end))
print(pcall(function() return t[d and
  {}] end))
print(pcall(function() return t .. (d or
  "x") end))
print(pcall(function() return t + (1 +
  2) end))
print(pcall(function() return t +
  1 end))
