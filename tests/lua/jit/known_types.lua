-- Code specialised for the types its arguments had when it compiled
-- (floats, tables), then given other types; numeric for loops with
-- constant and variable steps; float keys that turn out NaN.

local function get(t, k) return t[k] end
local function put(t, k, v) t[k] = v end
local function len(t) return #t end
local function field(t) return t.x end

local t = {10, 20, 30, x = 'X'}
local acc = 0
for i = 1, 300 do
  acc = acc + get(t, i % 3 + 1) + len(t)
  put(t, 'y', i)
  assert(field(t) == 'X')
end
print('tables', acc, t.y)

-- now strings, nil, userdata-like values and tables with metatables
print(get('abc', 'len') == string.len, len('hello'), field(setmetatable({}, {__index = {x = 'mt'}})))
print(pcall(get, nil, 1))
print(pcall(len, 42))
print(pcall(field, true))
local log = {}
local proxy = setmetatable({}, {__newindex = function(_, k, v) log[#log + 1] = k .. '=' .. tostring(v) end,
                                __len = function() return 99 end})
put(proxy, 'a', 1)
print(table.concat(log, ','), len(proxy), rawget(proxy, 'a'))
for i = 1, 200 do put(t, i, i) end
print(#t, t[200])

-- numeric for loops: constant steps up and down, fractional, variable
local function sums(n, step)
  local a, b, c, d = 0, 0, 0, 0
  for i = 1, n do a = a + i end
  for i = n, 1, -1 do b = b + i end
  for i = 1, n, 0.5 do c = c + i end
  for i = 1, n, step do d = d + i end
  return a, b, c, d
end
for i = 1, 150 do sums(10, 3) end
print(sums(10, 3))
print(sums(10, -1))
print(pcall(sums, 10, 'x'))
print(sums(3.5, 0.25))

-- float keys from arithmetic: NaN and -0
local function fill(n)
  local r = {}
  for i = 1, n do r[i * 1.0] = i end
  local ok, err = pcall(function() for i = 1, n do r[i * 0 / 0] = i end end)
  r[-0.0] = 'zero'
  return #r, ok, err, r[0]
end
for i = 1, 150 do fill(3) end
print(fill(5))

-- a table that gains a metatable in the middle of a hot loop
local function sum_fields(list)
  local s = 0
  for i = 1, #list do s = s + list[i].v end
  return s
end
local list = {}
for i = 1, 300 do list[i] = {v = i} end
print(sum_fields(list))
for i = 1, 300, 2 do list[i] = setmetatable({}, {__index = function() return 1 end}) end
print(sum_fields(list))
