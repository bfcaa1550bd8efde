-- Library functions compiled code calls through their direct entries: the
-- same results and the same errors as through their gates.
print(pcall(math.abs))
print(pcall(math.abs, "x"))
print(math.abs("-3"), math.floor(-0.5), math.max(1, 0/0), math.min(0/0, 1), math.sqrt(-1))
local f = math.abs
for i = 1, 200 do f(-i) end
print(pcall(f, {}))
print(pcall(function() return math.floor(nil) end))

-- math.abs/floor/ceil read from the math table in hot code, on floats the
-- optimizer knows, on values it does not, and after the field changes
local function mix(a, b)
  return math.abs(a - b) + math.floor(a / 3) + math.ceil(-b / 7) + math.abs(b)
end
local s = 0
for i = 1, 300 do s = s + mix(i, 7) + mix(-i, i / 2) end
print(s, mix(-0.5, 0.25), mix(1e300, -1e300), mix(0/0, 1) ~= mix(0/0, 1))
print(pcall(mix, 1, 'x'), pcall(mix, '3', '4'))
local saved = math.abs
math.abs = function(x) return 'patched' end
print(pcall(mix, 1, 2))
math.abs = saved
print(mix(1, 2))
