-- repeat-until: body runs at least once; until sees body locals.
local n = 0
repeat n = n + 1 until true
print(1, n)
n = 0
repeat n = n + 1 until n >= 5
print(2, n)
local i = 0
repeat
  local sq = i * i
  i = i + 1
until sq >= 50
print(3, i)
-- break inside repeat
local count = 0
repeat
  count = count + 1
  if count == 3 then break end
until false
print(4, count)
-- nested repeat
local total = 0
local a = 0
repeat
  a = a + 1
  local b = 0
  repeat b = b + 1; total = total + 1 until b == a
until a == 4
print(5, total)
-- a local in the body shadows an outer variable in the condition
local done = true
local iters = 0
repeat
  iters = iters + 1
  local done = iters == 3
until done
print(6, iters)
