-- A break that closes captured locals (a UCLO that jumps) followed by the
-- jump out of an if/elseif: the two jumps must stay apart.
local fns = {}
for i = 1, 2 do
  local a = i * 10
  fns[#fns + 1] = function() return a end
  if i then break else return end
end
print(1, #fns, fns[1]())

local function f(x)
  while true do
    local a = x
    fns[#fns + 1] = function() return a end
    if x == 1 then break elseif x == 2 then return "two" else return "other" end
  end
  return "broke"
end
print(2, f(1), f(2), f(3), fns[#fns](), fns[#fns - 2]())

local function g(n)
  local out = {}
  for k, v in ipairs({"a", "b", "c"}) do
    local w = v .. n
    out[#out + 1] = function() return w end
    if k == n then break elseif k > n then return "late" end
  end
  return out[#out]()
end
print(3, g(1), g(2), g(3))

local function h(n)
  local r = 0
  repeat
    r = r + 1
    local c = r
    fns[#fns + 1] = function() c = c + 100 return c end
    if c == n then break else if c > 5 then return "far" end end
  until false
  return fns[#fns](), fns[#fns]()
end
print(4, h(2), h(3))

-- break then a later local reusing the register: the closure keeps its value
local t = {}
for i = 1, 3 do
  local v = "v" .. i
  t[i] = function() return v end
  if i == 2 then break else local z = 0 end
end
local p, q, r, s = 1, 2, 3, 4
print(5, t[1](), t[2](), t[3])
