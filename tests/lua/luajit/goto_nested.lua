-- goto breaking out of nested loops.
local found
for a = 1, 10 do
  for b = 1, 10 do
    if a * b == 42 then
      found = a .. "x" .. b
      goto out
    end
  end
end
::out::
print(1, found)
local log = ""
for i = 1, 3 do
  for j = 1, 3 do
    for k = 1, 3 do
      if k == 2 then goto next_j end
      log = log .. i .. j .. k .. " "
    end
    ::next_j::
  end
end
print(2, log)
-- goto out of a while inside a function
local function first_neg(t)
  local i = 0
  while true do
    i = i + 1
    if t[i] == nil then goto none end
    if t[i] < 0 then goto found end
  end
  ::none::
  do return nil end
  ::found::
  return i
end
print(3, first_neg({1, 2, -3}), first_neg({1}))
-- labels with the same name in different functions/blocks
local function g()
  do goto l end
  ::l::
  do
    goto l
    ::l::
  end
  return "ok"
end
print(4, g())
