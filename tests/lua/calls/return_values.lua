-- Return statements and the number of values returned.
local function none() end
local function empty() return end
local function one() return 1 end
local function nilv() return nil end
local function nils() return nil, nil end
local function many() return 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 end
local c = function(...) return select('#', ...) end
print(1, c(none()), c(empty()), c(one()), c(nilv()), c(nils()), c(many()))
print(2, none())
print(3, nils())
print(4, many())
-- return with expression lists
local function mixed(x) return x, x * 2, (many()) end
print(5, mixed(5))
-- return inside loops
local function find(t, v)
  for i, x in ipairs(t) do if x == v then return i end end
  return nil, "not found"
end
print(6, find({5, 6, 7}, 6))
print(7, find({5, 6, 7}, 9))
local function fromwhile()
  local i = 0
  while true do i = i + 1; if i == 5 then return i, "from while" end end
end
print(8, fromwhile())
local function fromrepeat()
  local i = 0
  repeat i = i + 1; if i == 3 then return "from repeat" end until false
end
print(9, fromrepeat())
-- returning a large number of values
local t = {}
for i = 1, 250 do t[i] = i end
print(10, c(unpack(t)), select(250, unpack(t)))
local function passall(...) return ... end
print(11, c(passall(unpack(t))))
-- returning functions
local function getf() return function() return "inner" end, "second" end
local f, s = getf()
print(12, f(), s)
