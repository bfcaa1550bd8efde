-- Locals declared inside while/repeat bodies are fresh each iteration.
local fs = {}
local i = 1
while i <= 3 do
  local j = i
  fs[i] = function() return j end
  i = i + 1
end
print(1, fs[1](), fs[2](), fs[3]())
-- the outer variable is shared
local gs = {}
i = 1
while i <= 3 do
  gs[i] = function() return i end
  i = i + 1
end
print(2, gs[1](), gs[2](), gs[3]())
-- repeat-until
local hs = {}
local n = 0
repeat
  n = n + 1
  local captured = n * 100
  hs[n] = function() captured = captured + 1; return captured end
until n == 3
print(3, hs[1](), hs[1](), hs[2](), hs[3]())
-- the until expression sees the current iteration's local
local ks = {}
n = 0
repeat
  n = n + 1
  local stop = n >= 2
  ks[n] = function() return stop end
until stop
print(4, #ks, ks[1](), ks[2]())
-- nested do-block inside a loop
local ds = {}
for k = 1, 2 do
  do
    local inner = k .. "!"
    ds[k] = function() return inner end
  end
end
print(5, ds[1](), ds[2]())
