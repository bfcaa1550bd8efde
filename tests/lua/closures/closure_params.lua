-- Capturing parameters and varargs.
local function capture(a, b)
  local function get() return a, b end
  a = "changed " .. a
  return get
end
print(1, capture("x", "y")())
local function capvar(...)
  local args = {...}
  local n = select('#', ...)
  return function() return n, unpack(args, 1, n) end
end
print(2, capvar(1, nil, 3)())
print(3, capvar()())
-- closures over loop bounds
local function mkrange(lo, hi)
  return function()
    local s = 0
    for i = lo, hi do s = s + i end
    lo = lo + 1
    return s
  end
end
local r = mkrange(1, 4)
print(4, r(), r(), r())
-- closures keep their upvalues after the creating function's frame is gone
local function deepframe(n)
  local keep = "level " .. n
  if n == 0 then return function() return keep end end
  local inner = deepframe(n - 1)
  return function() return keep .. " / " .. inner() end
end
print(5, deepframe(3)())
-- upvalue that is a parameter of a recursive function
local function rec(n, acc)
  acc = acc or {}
  acc[#acc + 1] = function() return n end
  if n > 0 then rec(n - 1, acc) end
  return acc
end
local fs = rec(3)
print(6, fs[1](), fs[2](), fs[3](), fs[4]())
