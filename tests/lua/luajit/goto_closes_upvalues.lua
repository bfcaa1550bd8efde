-- Gotos that leave captured locals close them (UCLO), also when a lower
-- register holds another captured local, and a backward goto that closes
-- stays apart from the jump out of its if.
local t = {}
local function keep(f) t[#t + 1] = f end
for i = 1, 2 do
  local x = i * 10
  keep(function() return x end)
  goto done
end
::done::
local a, b, c, d, e, f = 1, 2, 3, 4, 5, 6
print(1, t[1]())

local n = 0
::again::
n = n + 1
do
  local v = n
  keep(function() return v end)
  if n < 3 then goto again else print(2, "n", n) end
end
print(3, t[2](), t[3](), t[4]())

local function out(k)
  for i = 1, 3 do
    local w = i + k
    keep(function() return w end)
    for j = 1, 3 do
      if j == k then goto finish end
    end
  end
  ::finish::
  local p, q, r, s = 0, 0, 0, 0
  return t[#t]()
end
print(4, out(1), out(2))

-- the scope error names the line of the goto's jump: LuaJIT's jump takes
-- over the UCLO that ends a block closing captured locals
print(5, loadstring("do\n  local a\n  f = function() return a end\n\nend\ngoto x\nlocal b\n::x:: print(b)"))
print(6, loadstring("do do\n  local a\n  f = function() return a end\nend\n end goto x\nlocal b\n::x:: print(b)"))
print(7, loadstring("do do\n  local a\n  f = function() return a end\nend\n local c end goto x\nlocal b\n::x:: print(b)"))
print(8, loadstring("do\n  local a\nend\ngoto x\nlocal b\n::x:: print(b)"))
