-- Values change type in the middle of hot loops and hot functions: every
-- tier must keep giving Lua's answers (guards fall back, never mislead).
local function add(a, b) return a + b end
local acc = {}
for i = 1, 300 do
  local x = i
  if i == 150 then x = "10" end          -- a string that coerces
  if i == 200 then x = setmetatable({}, {__add = function(a, b) return 1000 end}) end
  acc[#acc + 1] = add(x, 1)
end
print(acc[149], acc[150], acc[151], acc[200], acc[300])

local function cmp(a, b) return a < b end
local r = {}
for i = 1, 300 do
  if i < 250 then r[#r + 1] = tostring(cmp(i, 100)) else r[#r + 1] = tostring(cmp("a" .. i, "a2")) end
end
print(r[1], r[100], r[249], r[250], r[300])
print(pcall(cmp, 1, "x"))
print(pcall(add, {}, 1))

-- a table gains a metatable while a loop reads it
local t = {x = 1}
local sum = 0
for i = 1, 300 do
  if i == 100 then setmetatable(t, {__index = function(_, k) return 5 end}) ; t.x = nil end
  sum = sum + t.x
end
print(sum)

-- a global function replaced while a hot caller runs
function helper(n) return n * 2 end
local function caller(n) return helper(n) end
local total = 0
for i = 1, 300 do
  if i == 150 then helper = function(n) return -n end end
  total = total + caller(i)
end
print(total)

-- numbers that are not plain floats: nan, inf, -0
local function f(x) return x % 3, x / 0, -x, x ^ 0.5 end
local nz = -tonumber("0")
for _, v in ipairs({5, -5, 0, nz, 1/0, -1/0, 0/0, 2^53}) do
  for i = 1, 120 do f(v) end
  print(f(v))
end

-- a function made for floats that keeps getting other types is compiled
-- again without that assumption, and still answers right on both
local function twice(v) return v + v end
local out = {}
for i = 1, 400 do
  local v = i
  if i > 150 and i % 2 == 0 then v = tostring(i) end
  out[#out + 1] = twice(v)
end
print(out[1], out[150], out[151], out[152], out[399], out[400])
