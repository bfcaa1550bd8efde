-- Numeric for with float steps and accumulation.
local n, last = 0, nil
for x = 0, 1, 0.1 do n = n + 1; last = x end
print(1, n, string.format("%.17g", last))
n = 0
for x = 1, 0, -0.1 do n = n + 1; last = x end
print(2, n, string.format("%.17g", last))
n = 0
for x = 0, 0.3, 0.1 do n = n + 1; last = x end
print(3, n, string.format("%.17g", last))
local out = ""
for x = 0.5, 2.5, 0.5 do out = out .. x .. " " end
print(4, out)
out = ""
for x = -1, -2, -0.25 do out = out .. x .. " " end
print(5, out)
out = ""
for x = 1, 2, 0.3 do out = out .. x .. " " end
print(6, out)
-- step bigger than the range: one iteration
n = 0
for x = 1, 2, 5 do n = n + 1 end
print(7, n)
-- huge bounds
n = 0
for i = 2^53 - 3, 2^53 - 1 do n = n + 1 end
print(8, n)
n = 0
for i = 1, math.huge do n = n + 1; if n == 10 then break end end
print(9, n)
n = 0
for i = -math.huge, 0 do n = n + 1; if n == 3 then break end end
print(10, n)
n = 0
for i = 1e308, 1.7e308, 1e307 do n = n + 1 end
print(11, n)
-- empty ranges
n = 0
for i = 1, -math.huge do n = n + 1 end
for i = 0, 1, -0.5 do n = n + 1 end
for i = 0/0, 1 do n = n + 1 end
for i = 1, 0/0 do n = n + 1 end
print(12, n)
-- tiny steps
n = 0
for x = 0, 1e-9, 1e-10 do n = n + 1 end
print(13, n)
