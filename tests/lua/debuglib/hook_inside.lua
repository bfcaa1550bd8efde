-- Inside a hook, level 2 is the hooked function: its locals can be read
-- and changed, and hooks do not fire while a hook runs.
local seen = {}
local function show(v)
  if type(v) == "table" then return "a table" end
  return tostring(v)
end
local function hook(event, line)
  local name, value = debug.getlocal(2, 1)
  seen[#seen + 1] = line .. ":" .. tostring(name) .. "=" .. show(value)
  if line == 18 then
    debug.setlocal(2, 1, 100)         -- change x before line 18 runs
  end
end

local function f()
  local x = 1
  x = x + 1
  return x
end
debug.sethook(hook, "l")
local r = f()
debug.sethook()
print(r)
print(table.concat(seen, " "))

-- hooks are not re-entered: the functions a hook calls are not traced
local depth, max, calls = 0, 0, 0
local function helper() return 1 end
debug.sethook(function(event)
  calls = calls + 1
  depth = depth + 1
  if depth > max then max = depth end
  helper()
  depth = depth - 1
end, "crl")
helper()
helper()
debug.sethook()
print("calls", calls, "max depth", max)

-- the hook's own level: called by no Lua function
seen = {}
debug.sethook(function(event, line)
  local i = debug.getinfo(1, "nS")
  seen[#seen + 1] = tostring(i.name) .. "/" .. i.namewhat .. "/" .. i.what
  local j = debug.getinfo(2, "Sl")
  seen[#seen + 1] = j.short_src .. ":" .. j.currentline
end, "l")
local z = 1
debug.sethook()
print(table.concat(seen, " "))

-- a hook may remove itself, or change itself
local n = 0
debug.sethook(function(event, line)
  n = n + 1
  if n == 2 then debug.sethook() end
end, "l")
local a = 1
local b = 2
local c = 3
print("events before removal", n)

local log = {}
local function second(event, line) log[#log + 1] = "second " .. line end
debug.sethook(function(event, line)
  log[#log + 1] = "first " .. line
  debug.sethook(second, "l")
end, "l")
a = 1
b = 2
debug.sethook()
print(table.concat(log, ", "))

-- an error in a hook goes to the code that was running; the hook stays
local count = 0
print(pcall(function()
  debug.sethook(function(event, line)
    count = count + 1
    if count == 2 then error("hook failed at " .. line) end
  end, "l")
  local x = 1
  local y = 2
end))
local hookfn, mask = debug.gethook()
debug.sethook()
print(type(hookfn), mask, count)

-- the call hook sees the arguments of the called function as its locals
seen = {}
local function args(p, q) return p end
debug.sethook(function(event)
  local i = debug.getinfo(2, "S")
  if i.what == "Lua" then
    seen[#seen + 1] = event .. " " .. tostring(select(2, debug.getlocal(2, 1)))
  end
end, "cr")
args(7, 8)
debug.sethook()
print(table.concat(seen, ", "))
