-- Calls that want one result, with more or fewer arguments than the
-- callee has parameters, through call sites that know the callee (an
-- upvalue) and sites that do not (a table of functions), hot and cold.

local function p0() return 'p0' end
local function p1(a) return tostring(a) end
local function p2(a, b) return tostring(a) .. ',' .. tostring(b) end
local function p5(a, b, c, d, e)
  return table.concat({tostring(a), tostring(b), tostring(c), tostring(d), tostring(e)}, ',')
end
local function p7(a, b, c, d, e, f, g)
  return table.concat({tostring(a), tostring(d), tostring(f), tostring(g)}, ',')
end
local fns = {p0, p1, p2, p5, p7}

local function known(i)
  local r = {}
  r[1] = p0(i, i, i, i, i, i)
  r[2] = p1()
  r[3] = p1(i, 2, 3, 4, 5, 6, 7)
  r[4] = p2(i)
  r[5] = p5(i, 2, 3, 4, 5, 6, 7, 8)
  r[6] = p7(i, 2, 3)
  return table.concat(r, ' ')
end

local function unknown(i)
  local r = {}
  for k = 1, #fns do
    local f = fns[k]
    r[#r + 1] = f()
    r[#r + 1] = f(i)
    r[#r + 1] = f(i, 2, 3, 4)
    r[#r + 1] = f(i, 2, 3, 4, 5)
    r[#r + 1] = f(i, 2, 3, 4, 5, 6, 7, 8, 9)
  end
  return table.concat(r, ' ')
end

local last1, last2
for i = 1, 300 do last1, last2 = known(i), unknown(i) end
print(last1)
print(last2)
print(known(0))
print(unknown('x'))
