-- Each iteration of a numeric for creates a fresh loop variable.
local fs = {}
for i = 1, 5 do fs[i] = function() return i end end
print(1, fs[1](), fs[3](), fs[5]())
-- the captured control variable can be modified per closure
local get, set = {}, {}
for i = 1, 3 do
  get[i] = function() return i end
  set[i] = function(v) i = v end
end
set[2](20)
print(2, get[1](), get[2](), get[3]())
-- locals declared in the body are fresh too
local gs = {}
for i = 1, 3 do
  local sq = i * i
  gs[i] = function() sq = sq + 1; return sq end
end
print(3, gs[1](), gs[1](), gs[2](), gs[3]())
-- float loop
local hs = {}
for x = 0.5, 2, 0.5 do hs[#hs + 1] = function() return x end end
print(4, #hs, hs[1](), hs[4]())
-- break after capturing
local ks = {}
for i = 1, 10 do
  ks[#ks + 1] = function() return i end
  if i == 3 then break end
end
print(5, #ks, ks[1](), ks[3]())
