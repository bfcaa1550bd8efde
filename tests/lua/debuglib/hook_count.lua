-- Count events: every `count` instructions, with no line number.
local n, args = 0, {}
local function hook(event, line)
  n = n + 1
  args[event .. " " .. tostring(line)] = true
end

local function work()
  local x = 0
  for i = 1, 100 do
    x = x + i
  end
  return x
end

debug.sethook(hook, "", 50)
work()
debug.sethook()
print("count 50", n >= 4 and n <= 5, args["count nil"])
print(debug.gethook())

n, args = 0, {}
debug.sethook(hook, "", 1)
local y = 1
y = y + 1
debug.sethook()
print("count 1 fires for every instruction", n >= 3)

-- with a line mask too, both kinds arrive
n, args = 0, {}
debug.sethook(hook, "l", 1000)
work()
debug.sethook()
print("line and count", args["count nil"], args["line 11"], n > 100)
local f, mask, count = debug.gethook()
print(f, mask, count)

-- the count goes on while a hook runs, but no event is sent then
local events = 0
debug.sethook(function()
  events = events + 1
  local s = 0
  for i = 1, 10 do s = s + i end
end, "", 5)
work()
debug.sethook()
print("busy hook", events > 10)

-- setting the hook again starts the count again
n = 0
debug.sethook(hook, "", 1000000)
for i = 1, 10 do
  debug.sethook(hook, "", 1000000)
end
debug.sethook()
print("restarted", n)

-- a zero or negative count gives no count event; gethook keeps it
debug.sethook(hook, "l", 0)
print(select(2, debug.gethook()), select(3, debug.gethook()))
debug.sethook(hook, "", -3)
print(select(2, debug.gethook()), select(3, debug.gethook()))
debug.sethook()
