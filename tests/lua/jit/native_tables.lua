-- Tables read and written by native code (on CPython): entries that are
-- numbers, tables of tables, fields; and everything native code leaves to the
-- interpreter: missing entries (__index, __newindex), new keys, other types,
-- nan and -0 keys, floats shared by several entries.
if jit then jit.opt.start("hotcall=2", "hotloop=2") end

local function sum(t, n) local s = 0 for i = 1, n do s = s + t[i] end return s end
local function scale(t, n, k) for i = 1, n do t[i] = t[i] * k end end
local function firsts(t) return t[1] + t[2] * 10 + t.x * 100 end
local function setf(t, v) t.x = v t[2] = v + 1 return t.x end
local a = {}
for i = 1, 100 do a[i] = i * 0.5 end
a.x = 7
for r = 1, 5 do scale(a, 100, 1.5) end
print(sum(a, 100), firsts(a), setf(a, 3), a.x, a[2])
print(firsts(a), setf(a, 4), firsts(a), setf(a, 5))

-- one float shared by every entry, then each written
local ones = {}
for i = 1, 50 do ones[i] = 1 end
for r = 1, 3 do scale(ones, 50, 2) end
print(sum(ones, 50), ones[1], ones[50])

-- missing entries: nil, __index, __newindex, a new key
print(pcall(sum, {1, 2, nil, 4}, 4))
local proxy = setmetatable({}, {__index = function(t, k) return k * 2 end})
print(sum(proxy, 10))
local log = {}
local guarded = setmetatable({1, 2, 3}, {__newindex = function(t, k, v) log[#log + 1] = k end,
                                         __index = function(t, k) return 10 end})
scale(guarded, 5, 2)
print(guarded[1], guarded[3], #log, log[1], log[2])
local grow = {}
for i = 1, 20 do grow[i] = i end
scale(grow, 20, 3)
print(sum(grow, 20), #grow)

-- other types in entries, and as keys
print(pcall(sum, {1, "2", 3}, 3))
print(pcall(sum, {1, {}, 3}, 3))
print(pcall(scale, {1, "x", 3}, 3, 2))
local function get(t, k) return t[k] + 0 end
local function put(t, k, v) t[k] = v return t[k] end
local keyed = {[0] = 5}
print(get(keyed, 0), get(keyed, -0), pcall(get, keyed, 0 / 0))
print(put(keyed, -0, 6), keyed[0], pcall(put, keyed, 0 / 0, 1))

-- a table of tables known to the function (an upvalue), fields of its rows
local rows = {{x = 1, y = 2}, {x = 3, y = 4}, {x = 5, y = 6}}
local function move(dx)
  for i = 1, #rows do
    local r = rows[i]
    r.x = r.x + dx
    r.y = r.y * 2
  end
  return rows[1].x, rows[3].y
end
for _ = 1, 4 do move(0.5) end
print(move(1), rows[2].x, rows[2].y)
local function grid(n)
  local total = 0
  for i = 1, 3 do
    for j = 1, n do total = total + (rows[i].x + j) end
  end
  return total
end
print(grid(10), grid(100))
local function corner(k) rows[3].x = rows[2].y + k return rows[1].x + rows[3].x end
print(corner(1), corner(2), corner(0.5))
local cfg = {scale = 2, 0}
local function tune(v) cfg[1] = cfg.scale * v cfg.scale = v return cfg[1] end
print(tune(3), tune(4), cfg.scale, cfg[1])

-- tables compared, tables passed and returned
local function same(t, u) return t == u, t ~= u end
print(same(a, a), same(a, ones))
local function pick(t, u, k) if k > 0 then return t end return u end
print(pick(a, ones, 1) == a, pick(a, ones, -1) == ones)
