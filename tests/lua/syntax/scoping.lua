-- Scopes and shadowing.
local x = 1
do
  local x = 2
  print(1, x)
  do
    local x = x + 1
    print(2, x)
  end
  print(3, x)
end
print(4, x)
local x = x + 10
print(5, x)
local y = "global?"
print(6, y, rawget(_G, "y"))
local function f() return x end
local x = "shadowed later"
print(7, f(), x)
-- local statement: right side sees the outer variable
local z = 1
local z, w = z + 1, z + 2
print(8, z, w)
-- 'local function' sees itself; 'local x = function' does not
local fn = "outer fn"
local fn = function() return fn end
print(9, fn())
-- block locals vanish after the block
do local blockonly = 1 end
print(10, blockonly)
-- globals and locals with the same name
gname = "global"
local gname = "local"
print(11, gname, _G.gname)
-- shadowing parameters
local function p(a, a2)
  local a = a .. "!"
  return a
end
print(12, p("arg"))
-- if/while/for bodies are blocks
if true then local inif = 1 end
print(13, inif)
for i = 1, 1 do local infor = 1 end
print(14, infor, i)
-- repeat-until condition sees body locals
local n = 0
repeat local done = n >= 2; n = n + 1 until done
print(15, n)
-- nested functions see the innermost binding at definition
local v = "first"
local function getv() return v end
v = "modified"
print(16, getv())
local v = "second"
print(17, getv(), v)
