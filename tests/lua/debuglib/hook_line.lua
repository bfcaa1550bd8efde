-- Line hook events for the statements of a function, as luaG_traceexec
-- sends them: a new line, a jump back, or the first instruction.
local lines = {}
local function hook(event, line)
  lines[#lines + 1] = event .. " " .. tostring(line)
end

local function show(name)
  print(name, table.concat(lines, ", "))
  lines = {}
end

local function straight()
  local a = 1
  local b = a + 1; local c = b + 1
  return a + b + c
end

local function numeric_for()
  local s = 0
  for i = 1, 3 do
    s = s + i
  end
  return s
end

local function generic_for()
  local t = {10, 20}
  local s = 0
  for _, v in ipairs(t) do
    s = s + v
  end
  return s
end

local function while_loop()
  local i = 0
  while i < 2 do
    i = i + 1
  end
  return i
end

local function repeat_loop()
  local i = 2
  repeat
    i = i - 1
  until i == 0
  return i
end

local function branches(x)
  if x > 0 then
    x = 1
  elseif x < 0 then
    x = -1
  else
    x = 0
  end
  return x
end

local function no_return()
  local x = 1
end

local function one_line() return 1 end

local function nested()
  local function inner()
    return 2
  end
  return inner()
end

local function loop_on_one_line()
  local s = 0
  for i = 1, 3 do s = s + i end
  return s
end

for _, case in ipairs({
  {"straight", straight}, {"numeric_for", numeric_for}, {"generic_for", generic_for},
  {"while_loop", while_loop}, {"repeat_loop", repeat_loop}, {"branches", branches},
  {"no_return", no_return}, {"one_line", one_line}, {"nested", nested},
  {"loop_on_one_line", loop_on_one_line},
}) do
  local f = case[2]
  debug.sethook(hook, "l")
  f(1)
  debug.sethook()
  show(case[1])
end

debug.sethook(hook, "l")
branches(-5)
branches(0)
debug.sethook()
show("branches_other")
