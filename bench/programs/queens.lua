-- queens.lua: count all solutions of the n-queens problem by backtracking.
-- Measures: recursion, boolean arrays indexed by computed integers, branches.
-- Size: board size n (default 10; 10 -> 724 solutions).
local n = tonumber(arg and arg[1]) or 10

local cols, diag1, diag2 = {}, {}, {}
for i = 1, n do cols[i] = false end
for i = 1, 2 * n do diag1[i] = false; diag2[i] = false end

local nodes = 0
local function place(row)
  if row > n then return 1 end
  local count = 0
  for c = 1, n do
    local d1, d2 = row + c, row - c + n
    if not cols[c] and not diag1[d1] and not diag2[d2] then
      nodes = nodes + 1
      cols[c], diag1[d1], diag2[d2] = true, true, true
      count = count + place(row + 1)
      cols[c], diag1[d1], diag2[d2] = false, false, false
    end
  end
  return count
end

local solutions = place(1)
-- Second pass with a different representation: queen positions in an array,
-- checked against all previous rows (more arithmetic, math.abs calls).
local pos = {}
local abs = math.abs
local function safe(row, c)
  for r = 1, row - 1 do
    local pc = pos[r]
    if pc == c or abs(pc - c) == row - r then return false end
  end
  return true
end
local function place2(row)
  if row > n then return 1 end
  local count = 0
  for c = 1, n do
    if safe(row, c) then
      pos[row] = c
      count = count + place2(row + 1)
    end
  end
  return count
end
local solutions2 = place2(1)

print(string.format("queens n=%d solutions=%d nodes=%d solutions2=%d", n, solutions, nodes, solutions2))
