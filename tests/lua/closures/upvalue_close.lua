-- Upvalues are closed correctly on break, return, and block exit.
local a = {}
for i = 1, 10 do
  a[i] = {set = function(x) i = x end, get = function() return i end}
  if i == 3 then break end
end
print(1, a[4])
a[1].set(10)
print(2, a[1].get(), a[2].get(), a[3].get())
a[2].set("two")
print(3, a[2].get(), a[3].get())
-- closures created inside a while loop that exits via break
local fs = {}
local k = 0
while true do
  k = k + 1
  local v = k * 2
  fs[k] = function() return v end
  if k == 3 then break end
end
print(4, fs[1](), fs[2](), fs[3]())
-- closing upvalues when a function returns from inside a loop
local function mk()
  for i = 1, 5 do
    local x = i
    if i == 4 then return function() return x end end
  end
end
print(5, mk()())
-- a block with a captured local followed by another block reusing the register
local f1, f2
do local p = "p"; f1 = function() return p end end
do local q = "q"; f2 = function() return q end end
print(6, f1(), f2())
-- closures in a loop capturing both loop variable and an outer variable
local outer = 0
local gs = {}
for i = 1, 3 do gs[i] = function() outer = outer + i; return outer end end
print(7, gs[1](), gs[2](), gs[3]())
-- closure over a variable declared after a goto-less early exit
local function early(flag)
  local v = "v1"
  local function get() return v end
  if flag then return get end
  v = "v2"
  return get
end
print(8, early(true)(), early(false)())
