-- Numeric for with step 0 (guarded so that it terminates).
-- Lua 5.1 decides the direction with "0 < step", so step 0 counts as a
-- descending loop: it runs while limit <= i.
local n = 0
for i = 1, 1, 0 do n = n + 1; if n == 5 then break end end
print(1, n)
n = 0
for i = 2, 1, 0 do n = n + 1; if n == 5 then break end end
print(2, n)
n = 0
for i = 1, 2, 0 do n = n + 1; if n == 5 then break end end
print(3, n)
