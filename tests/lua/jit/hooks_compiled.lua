-- A hook set while compiled code runs: the frames go on in the hooked
-- interpreter at their next instruction; removing it goes back.
local function work(n)
  local s = 0
  for i = 1, n do s = s + i end
  return s
end
for i = 1, 200 do work(10) end
local count = 0
debug.sethook(function() count = count + 1 end, "", 100)
local r = work(10000)
debug.sethook()
print(r, count > 50)
local lines = {}
local function traced()
  debug.sethook(function(_, l) lines[#lines + 1] = l end, "l")
  local a = 1
  local b = 2
  debug.sethook()
  return a + b
end
for i = 1, 200 do lines = {}; traced() end
print(table.concat(lines, " "))
local calls = {}
local function g() return 1 end
local function h() return g() + g() end
for i = 1, 200 do h() end
debug.sethook(function(e) calls[#calls + 1] = e end, "cr")
h()
debug.sethook()
print(table.concat(calls, " "))
