-- A hook set deep in a call chain fires for the lines that follow in the
-- function that set it and in all its callers; removed, it stops at once.
local lines = {}
local function hook(event, line) lines[#lines + 1] = line end
local function show(title)
  print(title, table.concat(lines, " "))
  lines = {}
end

local function set() debug.sethook(hook, "l") end
local function clear() debug.sethook() end

local function inner()
  set()
  local a = 1
  return a
end
local function middle()
  local b = inner()
  b = b + 1
  return b
end
local function outer()
  local c = middle()
  c = c + 1
  return c
end
outer()
clear()
show("callers")

-- set in a pcall'd function
pcall(function()
  set()
  local d = 1
end)
local e = 1
clear()
show("through pcall")

-- removed in a callee: the callers run without events
local function remover()
  clear()
  local f = 1
end
set()
remover()
local g = 1
show("removed")

-- set, cleared and set again in loops
for i = 1, 3 do
  if i ~= 2 then set() else clear() end
  local h = i
end
clear()
show("toggled in a loop")

-- a hook set inside a for loop fires on the loop's next iterations
local function loop()
  local s = 0
  for i = 1, 3 do
    if i == 2 then set() end
    s = s + i
  end
  return s
end
loop()
clear()
show("mid-loop")

-- return and call events for frames that were running when the hook came
local ev = {}
local function evhook(event) ev[#ev + 1] = event .. ":" .. tostring(debug.getinfo(2, "n").name) end
local function deep() debug.sethook(evhook, "cr") end
local function caller() deep() return 1 end
caller()
debug.sethook()
print("events", table.concat(ev, " "))
