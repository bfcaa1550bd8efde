-- Several closures share one upvalue; changes are visible to all.
local function pair()
  local v = 0
  local function get() return v end
  local function set(x) v = x end
  return get, set
end
local get, set = pair()
print(1, get())
set(42)
print(2, get())
local get2, set2 = pair()
set2("other")
print(3, get(), get2())
-- closures and the enclosing function share the variable while it is active
local function live()
  local x = 1
  local function inc() x = x + 1 end
  inc(); inc()
  local seen = x
  x = 100
  inc()
  return seen, x
end
print(4, live())
-- upvalues shared across nested levels
local function nest()
  local n = 0
  local function lvl1()
    local function lvl2() n = n + 10 end
    lvl2()
    n = n + 1
  end
  lvl1()
  return function() return n end
end
print(5, nest()())
-- a closure captures the variable, not its current value
local fns = {}
local x = "before"
fns[1] = function() return x end
x = "after"
print(6, fns[1]())
-- two closures created at different times share the same variable
local y = 0
local inc = function() y = y + 1 end
local read = function() return y end
inc(); inc()
print(7, read(), y)
-- upvalue holding a table: mutation and rebinding
local tbl = {v = 1}
local function mut() tbl.v = tbl.v + 1 end
local function rebind() tbl = {v = 100} end
mut()
print(8, tbl.v)
rebind()
mut()
print(9, tbl.v)
