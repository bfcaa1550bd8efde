-- Long stacks: the levels up to 11, '...', then the last 10 levels.
local function deep(n, level)
  if n == 0 then
    print(debug.traceback("depth", level or 1))
  else
    deep(n - 1, level)
  end
end
for _, n in ipairs({8, 9, 10, 18, 19, 20, 21, 30}) do
  print("== depth " .. n)
  deep(n)
end
for _, level in ipairs({0, 2, 5, 11, 12, 13, 20, 30}) do
  print("== level " .. level)
  deep(25, level)
end
-- an error traceback from xpcall in a deep stack
local function fail(n)
  if n == 0 then error("deep error") end
  fail(n - 1)
end
print(select(2, xpcall(function() fail(25) end, debug.traceback)))
