-- debug.setlocal: changing a function's locals from a callee.
local function set(level, n, v) return debug.setlocal(level + 1, n, v) end

local function f(a)
  local b = 2
  print(set(1, 1, "A"), set(1, 2, "B"), a, b)
  local r = set(1, 4, "x")
  print(r, set(1, 0, "x"), set(1, -1, "x"))
  for i = 1, 3 do
    if i == 1 then set(1, 7, 3) end      -- the loop variable's copy, not the counter
    print("i", i)
  end
  return a, b
end
print(f(1))

local function outer()
  local x = 1
  local function inner() return debug.setlocal(2, 1, 99) end
  print(inner(), x)
end
outer()

-- the value can be nil or any type
local function types()
  local v = 1
  debug.setlocal(1, 1, nil)
  print(v)
  debug.setlocal(1, 1, {})
  print(type(v))
end
types()

-- a temporary can be set too
local function temp()
  local x = 1
  return debug.setlocal(1, 2, 5)
end
print(temp())

-- errors
print(pcall(debug.setlocal, 1, 1))
print(pcall(debug.setlocal, 100, 1, 1))
print(pcall(debug.setlocal, 1, "a", 1))
print(pcall(debug.setlocal))
print(pcall(function() return debug.setlocal(100, 1, 1) end))

-- in a coroutine
local co = coroutine.create(function(p)
  local q = p
  coroutine.yield()
  return p, q
end)
coroutine.resume(co, 1)
print(debug.setlocal(co, 1, 2, "changed"))
print(debug.setlocal(co, 1, 9, "nothing"))
print(coroutine.resume(co))
