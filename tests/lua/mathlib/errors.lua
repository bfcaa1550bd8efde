-- Argument errors of the math library.
for _, f in ipairs{"abs", "acos", "asin", "atan", "ceil", "cos", "cosh", "deg", "exp", "floor",
                   "log", "log10", "rad", "sin", "sinh", "sqrt", "tan", "tanh", "frexp", "modf"} do
  print(f, pcall(math[f]), pcall(math[f], "x"), pcall(math[f], {}))
end
for _, f in ipairs{"fmod", "pow", "atan2", "ldexp"} do
  print(f, pcall(math[f], 1), pcall(math[f], nil, 1), pcall(math[f], 1, "y"))
end
print(pcall(math.max))
print(pcall(math.min))
print(pcall(math.max, 1, 2, "x"))
print(pcall(math.min, 1, nil))
print(pcall(function() return math.max() end))
print(pcall(function() local x = math.max() return x end))
print(pcall(function() local x = math.floor({}) return x end))
print(pcall(function() local x = math.huge() return x end))
