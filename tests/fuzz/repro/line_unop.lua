-- a unary operation gets the line where its operand ends in 5.1
local f = false
print(pcall(function() return #(f and
  "x") end))
print(pcall(function() return -(f or
  f) end))
print(pcall(function() return #
  f end))
