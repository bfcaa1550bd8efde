-- ackermann.lua: the Ackermann function A(3, n), deep non-tail recursion.
-- Measures: calls and returns, recursion depth in the thousands, integer compares.
-- Size: n (default 7).
local n = tonumber(arg and arg[1]) or 6

local function ack(m, k)
  if m == 0 then return k + 1 end
  if k == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, k - 1))
end

local total = 0
for _ = 1, 10 do total = total + ack(3, n) end
print(string.format("ack(3,%d) = %d (x10: %d)", n, ack(3, n), total))
