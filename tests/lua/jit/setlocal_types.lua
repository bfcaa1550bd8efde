-- debug.setlocal gives a register of a compiled frame another type: the frame
-- goes on in the interpreter, so no compiled type assumption outlives it.
local function f()
  local s = 0
  for i = 1, 10 do
    s = s + i
    if i == 5 then debug.setlocal(1, 1, "x") end
  end
  return s
end
print(pcall(f))
local function g()
  local a = 1.5
  local b = a * 2
  debug.setlocal(1, 1, {})
  return pcall(function() return a end), b
end
print(g())
