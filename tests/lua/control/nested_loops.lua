-- Nested loops of all kinds and loop counting.
local count = 0
for a = 1, 10 do
  for b = a, 10 do
    for c = b, 10 do count = count + 1 end
  end
end
print(1, count)
-- multiplication table checksum
local sum = 0
for r = 1, 12 do for c = 1, 12 do sum = sum + r * c end end
print(2, sum)
-- primes by trial division
local primes = {}
for n = 2, 100 do
  local isprime = true
  local d = 2
  while d * d <= n do
    if n % d == 0 then isprime = false; break end
    d = d + 1
  end
  if isprime then primes[#primes + 1] = n end
end
print(3, #primes, primes[#primes])
-- bubble sort
local t = {5, 3, 9, 1, 7, 2, 8}
repeat
  local swapped = false
  for i = 1, #t - 1 do
    if t[i] > t[i + 1] then t[i], t[i + 1] = t[i + 1], t[i]; swapped = true end
  end
until not swapped
print(4, table.concat(t, ","))
-- generic for inside numeric for
local total = 0
for rep = 1, 3 do for _, v in ipairs({1, 2, 3}) do total = total + v * rep end end
print(5, total)
-- sieve
local N = 1000
local sieve = {}
for i = 2, N do sieve[i] = true end
for i = 2, N do if sieve[i] then for j = i * i, N, i do sieve[j] = false end end end
local pc = 0
for i = 2, N do if sieve[i] then pc = pc + 1 end end
print(6, pc)
