-- sieve.lua: sieve of Eratosthenes, repeated.
-- Measures: boolean array stores/loads, numeric for loops with a step.
-- Size: upper limit (default 100000); the sieve runs 5 times.
local n = tonumber(arg and arg[1]) or 100000
local reps = 5

local function sieve(limit)
  local composite = {}
  for i = 1, limit do composite[i] = false end
  local count, last = 0, 0
  for i = 2, limit do
    if not composite[i] then
      count = count + 1
      last = i
      for j = i * i, limit, i do composite[j] = true end
    end
  end
  return count, last
end

local total, count, last = 0, 0, 0
for _ = 1, reps do
  count, last = sieve(n)
  total = total + count
end
print(string.format("sieve n=%d primes=%d last=%d total=%d", n, count, last, total))
