-- Returning from inside nested blocks and loops.
local function search(grid, target)
  for r = 1, #grid do
    for c = 1, #grid[r] do
      if grid[r][c] == target then return r, c end
    end
  end
  return "absent"
end
local g = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}
print(1, search(g, 6))
print(2, search(g, 10))
local function firstneg(t)
  local i = 0
  while true do
    i = i + 1
    if t[i] == nil then return nil end
    repeat
      if t[i] < 0 then return i, t[i] end
    until true
  end
end
print(3, firstneg({3, 4, -5, 6}))
print(4, firstneg({1, 2}))
local function dostuff()
  do
    do
      return "deep"
    end
  end
end
print(5, dostuff())
-- return value computed inside a loop using upvalues
local function mk()
  local acc = 0
  for i = 1, 10 do
    acc = acc + i
    if acc > 20 then return function() return acc, i end end
  end
end
print(6, mk()())
