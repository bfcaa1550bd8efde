-- debug.getlocal: locals by level and index, hidden loop locals,
-- temporaries, and the errors.
local function all(level)
  local out = {}
  local n = 1
  while true do
    local name, v = debug.getlocal(level + 1, n)
    if not name then break end
    if type(v) == "table" or type(v) == "function" then v = type(v) end
    out[#out + 1] = n .. ":" .. name .. "=" .. tostring(v)
    n = n + 1
  end
  return table.concat(out, " ")
end

local function f(a, b, ...)
  local c = a + b
  do local d = 4 end
  local e = select("#", ...)
  print("f", all(1))
  for i = 1, 2 do
    if i == 2 then print("numeric for", all(1)) end
  end
  for k, v in pairs({x = 1}) do
    print("generic for", all(1))
  end
  do
    local inner = "block"
    print("block", all(1))
  end
  print("after block", all(1))
  return c
end
f(1, 2, 3, 4)

-- parameters are locals from the start
local function params(x, y)
  return debug.getlocal(1, 1), debug.getlocal(1, 2), debug.getlocal(1, 3)
end
print(params(10))

-- indices outside the locals
local function edges()
  local only = 1
  print(debug.getlocal(1, 0))
  print(debug.getlocal(1, -1))
  print(debug.getlocal(1, 1))
  print(debug.getlocal(1, 200))
end
edges()

-- temporaries: the slots below the function being called
local function temps()
  local x = 1
  print(debug.getlocal(1, 2), debug.getlocal(1, 3), debug.getlocal(1, 4))
end
temps()

-- locals of the caller (level 2) and of a level further down
local function callee()
  return debug.getlocal(2, 1), debug.getlocal(3, 1)
end
local function caller(p)
  local q = callee()
  return q
end
print(caller("P"))

-- the level of a C function and of the main chunk
print(debug.getlocal(0, 1))
print(select("#", pcall(debug.getlocal, 2, 1)), type(select(3, pcall(debug.getlocal, 2, 1))))

-- errors
print(pcall(debug.getlocal, 50, 1))
print(pcall(debug.getlocal, 1))
print(pcall(debug.getlocal, "x", 1))
print(pcall(debug.getlocal))
print(pcall(debug.getlocal, 1, "y"))
print(pcall(debug.getlocal, print, 1))
print(pcall(function() return debug.getlocal(100, 1) end))
print(pcall(debug.getlocal, -1, 1))

-- a coroutine's locals
local co = coroutine.create(function(p, q)
  local r = p + q
  coroutine.yield()
  return r
end)
coroutine.resume(co, 1, 2)
print(debug.getlocal(co, 1, 1))
print(debug.getlocal(co, 1, 3))
print(debug.getlocal(co, 1, 4))
print(debug.getlocal(co, 0, 1))
print(pcall(debug.getlocal, co, 2, 1))
print(pcall(debug.getlocal, co, 1))

-- 5.1's `arg` local of vararg functions
local function va_unused(x, ...)
  return debug.getlocal(1, 2), type(select(2, debug.getlocal(1, 2)))
end
print(va_unused(1, 2, 3))
local function va_used(x, ...)
  local y = ...
  return debug.getlocal(1, 2), select(2, debug.getlocal(1, 2)), debug.getlocal(1, 3)
end
print(va_used(1, 2, 3))

-- seen from an iterator: the loop's hidden locals, no loop variables yet
local function iter(s, c)
  if c then return nil end
  local out = {}
  for n = 1, 6 do
    local name, v = debug.getlocal(2, n)
    out[#out + 1] = tostring(name) .. "=" .. type(v)
  end
  print(table.concat(out, " "))
  return 1
end
local function loop()
  local before = 0
  for k, v in iter, "state" do end
end
loop()
