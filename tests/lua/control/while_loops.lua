-- while loops.
local i, s = 1, 0
while i <= 100 do s = s + i; i = i + 1 end
print(1, s, i)
local n = 0
while false do n = n + 1 end
print(2, n)
-- condition re-evaluated each time
local t = {1, 2, 3, 4, 5}
local k = 1
while t[k] do k = k + 1 end
print(3, k)
-- nested while with break
local pairs_found = 0
local a = 1
while a <= 5 do
  local b = 1
  while true do
    if b > a then break end
    pairs_found = pairs_found + 1
    b = b + 1
  end
  a = a + 1
end
print(4, pairs_found)
-- while with complex condition
local x, y = 0, 10
while x < y and x ~= 3 or x == 7 do x = x + 1 end
print(5, x)
-- collatz steps
local function collatz(m) local steps = 0 while m ~= 1 do if m % 2 == 0 then m = m / 2 else m = 3 * m + 1 end steps = steps + 1 end return steps end
print(6, collatz(27), collatz(1))
