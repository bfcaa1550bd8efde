-- Hot loops taken over from the interpreter's frame (on-stack replacement into
-- moonpatch's native tier): what follows the loop, registers a closure
-- captured, early returns, re-entry with other types, hooks; each must behave
-- as interpreted.
local size, inside, total = 60, 0, 0
for y = 0, size - 1 do
  local ci = 2.0 * y / size - 1.0
  for x = 0, size - 1 do
    local cr = 2.0 * x / size - 1.5
    local zr, zi, zr2, zi2, iter = 0.0, 0.0, 0.0, 0.0, 0
    while iter < 50 and zr2 + zi2 <= 4.0 do
      zi = 2.0 * zr * zi + ci
      zr = zr2 - zi2 + cr
      zr2, zi2 = zr * zr, zi * zi
      iter = iter + 1
    end
    total = total + iter
    if iter == 50 then inside = inside + 1 end
  end
end
print(string.format("inside=%d iterations=%d", inside, total))

-- an early return from inside the loop; a loop of a function called once
local function first_square_over(n, limit)
  for i = 1, n do
    if i * i > limit then return i, i * i end
  end
  return nil
end
print(first_square_over(100000, 5000), first_square_over(10, 5000))

-- a register a closure captured, written by the loop
local c = 0
local function get() return c end
for i = 1, 3000 do c = c + i % 3 end
print(get(), c)

-- a register that is nil when the loop is entered and a number after it
local last
for i = 1, 2000 do
  local t = i * 0.5
  if t > 999 then last = t end
end
print(last)

-- calls: a local function and math, and a global redefined between runs
local function sq(x) return x * x end
function gcube(x) return x * x * x end
local function sums(n)
  local s, m = 0, 0
  for i = 1, n do s = s + sq(i) + gcube(i) + math.sqrt(i) m = math.max(m, i % 17) end
  return s, m
end
print(sums(1000))
gcube = function(x) return -x end
print(sums(1000))

-- the same loop entered again with other types in its registers
local function acc(s, n) for i = 1, n do s = s + i end return s end
print(acc(0, 1000), acc("5", 1000), acc(0.5, 1000))
print(pcall(acc, {}, 1000))

-- booleans, not, nan and inf in loops
local flips, flag = 0, false
for i = 1, 999 do
  flag = not flag
  if flag and i % 3 == 0 then flips = flips + 1 end
end
print(flips, flag)
local nan, n = 0 / 0, 0
for i = 1, math.huge do
  if i > 1234 then break end
  if not (i < nan) and not (i == nan) then n = n + 1 end
end
print(n)
for i = 1, nan do n = n + 1 end
for i = nan, 1 do n = n + 1 end
for i = 1, 0 do n = n + 1 end
print(n)
local down = 0
for i = 10, 1, -0.25 do down = down + i end
print(down)

-- a loop that cannot be native in its body (strings) still gives the same
local parts = {}
for i = 1, 300 do
  local x = i * 2
  if x % 100 == 0 then parts[#parts + 1] = tostring(x) end
end
print(table.concat(parts, ","))

-- a hook set while a loop has native code: the next entries are interpreted
local function spin(n) local x = 0 for i = 1, n do x = x + i % 7 end return x end
print(spin(5000))
local lines = 0
debug.sethook(function() lines = lines + 1 end, "l")
print(spin(5000))
debug.sethook()
print(lines > 5000)

-- -0 and the loop variable written back
local z = 0
local function neg(x) return -x end
for i = 1, 500 do z = neg(0) * i end
print(1 / z)
local j = 0
while j < 1000 do j = j + 0.5 end
print(j)
