-- Numeric for: basics.
local function run(a, b, c)
  local out = ""
  if c then
    for i = a, b, c do out = out .. i .. " " end
  else
    for i = a, b do out = out .. i .. " " end
  end
  return "[" .. out .. "]"
end
print(1, run(1, 5))
print(2, run(1, 10, 3))
print(3, run(5, 1, -1))
print(4, run(10, 1, -4))
print(5, run(1, 0))
print(6, run(0, 1, -1))
print(7, run(3, 3))
print(8, run(3, 3, -1))
print(9, run(-3, 3, 2))
print(10, run(1, 1.5))
print(11, run(1.5, 4))
-- the loop variable is local to the loop
for idx = 1, 2 do end
print(12, idx)
-- bounds evaluated exactly once
local calls = 0
local function lim() calls = calls + 1; return 3 end
local s = 0
for i = 1, lim() do s = s + i end
print(13, s, calls)
-- modifying the loop variable does not change the iteration count
local iters = 0
local seen = ""
for i = 1, 5 do
  seen = seen .. i .. " "
  i = i * 10
  iters = iters + 1
end
print(14, iters, seen)
-- modifying the limit variable inside the body has no effect
local limit = 3
iters = 0
for i = 1, limit do limit = 10; iters = iters + 1 end
print(15, iters)
-- string bounds are coerced
print(16, run("1", "3"), run(1, "4", "2"))
