-- Backward goto forms loops.
local i = 1
local out = ""
::top::
out = out .. i
i = i + 1
if i <= 5 then goto top end
print(1, out)
-- a goto loop creating closures: each pass gets a fresh local
local fs = {}
do
  local k = 0
  ::again::
  local captured = k
  fs[#fs + 1] = function() return captured end
  k = k + 1
  if k < 3 then goto again end
end
print(2, fs[1](), fs[2](), fs[3]())
-- goto to a label at the end of a block
local function f(x)
  if x then goto done end
  do return "not jumped" end
  ::done::
  return "jumped"
end
print(3, f(true), f(false))
-- sum with goto
local s, n = 0, 0
::loop::
n = n + 1
s = s + n
if n < 100 then goto loop end
print(4, s)
