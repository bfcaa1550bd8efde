-- heapsort.lua: heapsort of an array of pseudo-random floats.
-- Measures: array reads/writes with computed indices, float comparisons,
-- integer arithmetic for the random number generator.
-- Size: number of elements (default 50000).
local n = tonumber(arg and arg[1]) or 50000

local IM, IA, IC = 139968, 3877, 29573
local last = 42
local function gen_random(max)
  last = (last * IA + IC) % IM
  return max * last / IM
end

local function heapsort(count, ra)
  local j, i, rra
  local l = math.floor(count / 2) + 1
  local ir = count
  while true do
    if l > 1 then
      l = l - 1
      rra = ra[l]
    else
      rra = ra[ir]
      ra[ir] = ra[1]
      ir = ir - 1
      if ir == 1 then
        ra[1] = rra
        return
      end
    end
    i = l
    j = l * 2
    while j <= ir do
      if j < ir and ra[j] < ra[j + 1] then j = j + 1 end
      if rra < ra[j] then
        ra[i] = ra[j]
        i = j
        j = j + i
      else
        j = ir + 1
      end
    end
    ra[i] = rra
  end
end

local ary = {}
for i = 1, n do ary[i] = gen_random(1.0) end
heapsort(n, ary)
local sorted = true
for i = 2, n do
  if ary[i] < ary[i - 1] then sorted = false end
end
print(string.format("heapsort n=%d sorted=%s first=%.10f mid=%.10f last=%.10f",
  n, tostring(sorted), ary[1], ary[math.floor(n / 2)], ary[n]))
