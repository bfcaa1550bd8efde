-- Loop variables and body locals are scoped to the loop.
local i = "outer i"
for i = 1, 3 do end
print(1, i)
local k, v = "outer k", "outer v"
for k, v in pairs({a = 1}) do end
print(2, k, v)
-- body locals shadow outer variables for the iteration only
local x = "outer x"
for n = 1, 2 do local x = n end
print(3, x)
-- assigning to an outer variable inside the loop is visible after
local last
for n = 1, 4 do last = n end
print(4, last)
-- loop variable copy: the internal counter is separate
local copies = ""
for n = 1, 3 do
  local saved = n
  n = "changed"
  copies = copies .. saved .. (n == "changed" and "c" or "?") .. " "
end
print(5, copies)
-- nested loops reusing the same name
local out = ""
for n = 1, 2 do
  for n = 10, 11 do out = out .. n .. " " end
  out = out .. n .. " "
end
print(6, out)
