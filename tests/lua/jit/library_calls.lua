-- Library functions compiled code calls through their direct entries: the
-- same results and the same errors as through their gates.
print(pcall(math.abs))
print(pcall(math.abs, "x"))
print(math.abs("-3"), math.floor(-0.5), math.max(1, 0/0), math.min(0/0, 1), math.sqrt(-1))
local f = math.abs
for i = 1, 200 do f(-i) end
print(pcall(f, {}))
print(pcall(function() return math.floor(nil) end))
